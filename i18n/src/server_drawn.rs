//! The words of what only the server draws (the masthead's sections, "Most read": the app's
//! `server_drawn`), in a table of their own: the reader's bundle never names it, so it carries
//! none of them.

use infoshos_model::Lang;

pub struct ServerDrawnUi {
    /// The masthead's list of sections.
    pub sections_label: &'static str,
    /// The "Most read" box: its title, and its two lists.
    pub most_read: &'static str,
    pub most_read_day: &'static str,
    pub most_read_week: &'static str,
}

pub fn server_drawn(lang: Lang) -> &'static ServerDrawnUi {
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
        Lang::Zh => &ZH,
    }
}

const EN: ServerDrawnUi = ServerDrawnUi {
    sections_label: "Sections",
    most_read: "Most read",
    most_read_day: "Today",
    most_read_week: "This week",
};

const RU: ServerDrawnUi = ServerDrawnUi {
    sections_label: "Рубрики",
    most_read: "Самое читаемое",
    most_read_day: "За сутки",
    most_read_week: "За неделю",
};

const ZH: ServerDrawnUi = ServerDrawnUi {
    sections_label: "栏目",
    most_read: "最多阅读",
    most_read_day: "今日",
    most_read_week: "本周",
};
