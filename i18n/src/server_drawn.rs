//! The words of what only the server draws (the masthead's sections, "Most read": the app's
//! `server_drawn`; the status bar's words, which the server writes on it for public/pwa.js;
//! the end of a reply in the comment form, drawn by the server or by pwa-later.js),
//! in a table of their own: the reader's bundle never names it, so it carries none of them.

use infoshos_model::Lang;

pub struct ServerDrawnUi {
    /// The masthead's list of sections.
    pub sections_label: &'static str,
    /// The "Most read" box: its title, and its two lists.
    pub most_read: &'static str,
    pub most_read_day: &'static str,
    pub most_read_week: &'static str,
    /// The status bar public/pwa.js fills: offline, the news service out of reach, the time
    /// of the copies then shown (`{when}` is the time), a new version and its button.
    pub offline: &'static str,
    pub unreachable: &'static str,
    pub saved_at: &'static str,
    pub update: &'static str,
    pub reload: &'static str,
    /// New stories on an open feed page by the language's plural forms (`#` is the number;
    /// the forms `Intl.PluralRules` names), and the button that shows them.
    pub landed: &'static [(&'static str, &'static str)],
    pub show: &'static str,
    /// The comment form's link that ends a reply (public/pwa.js and the server's form).
    pub cancel_reply: &'static str,
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
    offline: "You are offline.",
    unreachable: "The news service cannot be reached.",
    saved_at: " News and rates shown are the copies saved at {when}.",
    update: "A new version is available.",
    reload: "Reload",
    landed: &[("one", "# new story"), ("other", "# new stories")],
    show: "Show",
    cancel_reply: "Cancel reply",
};

const RU: ServerDrawnUi = ServerDrawnUi {
    sections_label: "Рубрики",
    most_read: "Самое читаемое",
    most_read_day: "За сутки",
    most_read_week: "За неделю",
    offline: "Нет подключения к сети.",
    unreachable: "Сервер новостей недоступен.",
    saved_at: " Новости и курсы на экране сохранены {when}.",
    update: "Доступна новая версия.",
    reload: "Обновить",
    landed: &[
        ("one", "# новый материал"),
        ("few", "# новых материала"),
        ("many", "# новых материалов"),
        ("other", "# нового материала"),
    ],
    show: "Показать",
    cancel_reply: "Отменить ответ",
};

const ZH: ServerDrawnUi = ServerDrawnUi {
    sections_label: "栏目",
    most_read: "最多阅读",
    most_read_day: "今日",
    most_read_week: "本周",
    offline: "当前没有网络。",
    unreachable: "无法连接新闻服务器。",
    saved_at: "显示的新闻和汇率是{when}保存的副本。",
    update: "有新版本可用。",
    reload: "重新加载",
    landed: &[("other", "#篇新报道")],
    show: "显示",
    cancel_reply: "取消回复",
};
