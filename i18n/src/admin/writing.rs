//! The words of the desk's writing surface: its toolbar, the link field, the photo dropped or
//! pasted into the text, and the switch to the HTML view.

use infoshos_model::Lang;
use infoshos_model::rich_text::AddressProblem;

pub struct WritingUi {
    pub text: &'static str,
    pub text_note: &'static str,
    pub toolbar: &'static str,
    pub bold: &'static str,
    pub italic: &'static str,
    pub link: &'static str,
    pub paragraph: &'static str,
    pub heading: &'static str,
    pub subheading: &'static str,
    pub quote: &'static str,
    pub bullets: &'static str,
    pub numbers: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub html_view: &'static str,
    pub writing_view: &'static str,
    pub address: &'static str,
    pub address_note: &'static str,
    pub apply_link: &'static str,
    pub remove_link: &'static str,
    pub cancel: &'static str,
    pub address_empty: &'static str,
    pub address_kind: &'static str,
    pub address_malformed: &'static str,
    /// `{}`: the address, then the status it answered.
    pub link_missing: &'static str,
    pub new_photo: &'static str,
    pub place_photo: &'static str,
    pub photo_placed: &'static str,
}

pub const WRITING_EN: WritingUi = WritingUi {
    text: "Text",
    text_note: "Write as in a word processor. Ctrl+B bold, Ctrl+I italic, Ctrl+K link; \
        a line starting with ## is a subhead, > a quote, - a list. Paste keeps only these marks; \
        drop or paste a photo to add it to the library.",
    toolbar: "Formatting",
    bold: "Bold (Ctrl+B)",
    italic: "Italic (Ctrl+I)",
    link: "Link (Ctrl+K)",
    paragraph: "Paragraph",
    heading: "Subhead",
    subheading: "Minor subhead",
    quote: "Quote",
    bullets: "Bulleted list",
    numbers: "Numbered list",
    undo: "Undo (Ctrl+Z)",
    redo: "Redo (Ctrl+Y)",
    html_view: "Edit as HTML",
    writing_view: "Back to the writing view",
    address: "Link address",
    address_note: "A page of ours (/en/article/…), a web page (https://…) or mailto:",
    apply_link: "Link",
    remove_link: "Remove the link",
    cancel: "Cancel",
    address_empty: "Type the address the words should lead to.",
    address_kind: "Only our own pages (/…), web pages (https://…) and mailto: can be linked.",
    address_malformed: "This address cannot be right: check for spaces, quotes or a missing domain.",
    link_missing: "The page at {} answers {} (it is not there): check the address.",
    new_photo: "Add this photo to the library and place it here",
    place_photo: "Upload and place",
    photo_placed: "The photo is in the library and in the text.",
};

pub const WRITING_RU: WritingUi = WritingUi {
    text: "Текст",
    text_note: "Пишите как в текстовом редакторе. Ctrl+B — жирный, Ctrl+I — курсив, \
        Ctrl+K — ссылка; строка с ## станет подзаголовком, с > — цитатой, с - — списком. \
        При вставке остаётся только это оформление; перетащите или вставьте фото, чтобы \
        добавить его в фотобанк.",
    toolbar: "Оформление",
    bold: "Жирный (Ctrl+B)",
    italic: "Курсив (Ctrl+I)",
    link: "Ссылка (Ctrl+K)",
    paragraph: "Абзац",
    heading: "Подзаголовок",
    subheading: "Малый подзаголовок",
    quote: "Цитата",
    bullets: "Маркированный список",
    numbers: "Нумерованный список",
    undo: "Отменить (Ctrl+Z)",
    redo: "Повторить (Ctrl+Y)",
    html_view: "Править как HTML",
    writing_view: "Вернуться к тексту",
    address: "Адрес ссылки",
    address_note: "Наша страница (/ru/article/…), веб-страница (https://…) или mailto:",
    apply_link: "Поставить ссылку",
    remove_link: "Убрать ссылку",
    cancel: "Отмена",
    address_empty: "Укажите адрес, куда ведут эти слова.",
    address_kind: "Ссылаться можно на наши страницы (/…), веб-страницы (https://…) и mailto:.",
    address_malformed: "С адресом что-то не так: проверьте пробелы, кавычки и имя сайта.",
    link_missing: "Страница {} отвечает {} (её нет): проверьте адрес.",
    new_photo: "Добавить это фото в фотобанк и поставить сюда",
    place_photo: "Загрузить и поставить",
    photo_placed: "Фото в фотобанке и в тексте.",
};

pub const WRITING_ZH: WritingUi = WritingUi {
    text: "正文",
    text_note: "像在文字处理软件中一样书写。Ctrl+B 加粗，Ctrl+I 斜体，Ctrl+K 链接；\
        以 ## 开头的行成为小标题，以 > 开头成为引文，以 - 开头成为列表。粘贴时只保留这些格式；\
        拖入或粘贴图片即可加入图片库。",
    toolbar: "格式",
    bold: "加粗（Ctrl+B）",
    italic: "斜体（Ctrl+I）",
    link: "链接（Ctrl+K）",
    paragraph: "段落",
    heading: "小标题",
    subheading: "次级小标题",
    quote: "引文",
    bullets: "项目列表",
    numbers: "编号列表",
    undo: "撤销（Ctrl+Z）",
    redo: "重做（Ctrl+Y）",
    html_view: "以 HTML 编辑",
    writing_view: "返回书写视图",
    address: "链接地址",
    address_note: "本站页面（/zh/article/…）、网页（https://…）或 mailto:",
    apply_link: "加链接",
    remove_link: "去掉链接",
    cancel: "取消",
    address_empty: "请填写这些文字要链接到的地址。",
    address_kind: "只能链接本站页面（/…）、网页（https://…）和 mailto:。",
    address_malformed: "此地址有误：请检查空格、引号和网站名。",
    link_missing: "页面 {} 返回 {}（不存在）：请检查地址。",
    new_photo: "将此图片加入图片库并放在这里",
    place_photo: "上传并放置",
    photo_placed: "图片已加入图片库并放入正文。",
};

pub fn writing_ui(lang: Lang) -> &'static WritingUi {
    match lang {
        Lang::En => &WRITING_EN,
        Lang::Ru => &WRITING_RU,
        Lang::Zh => &WRITING_ZH,
    }
}

/// Why an address is not taken, in the editor's language.
pub fn address_problem(lang: Lang, problem: AddressProblem) -> &'static str {
    let w = writing_ui(lang);
    match problem {
        AddressProblem::Empty => w.address_empty,
        AddressProblem::Kind => w.address_kind,
        AddressProblem::Malformed => w.address_malformed,
    }
}
