//! The words of the widgets (inside a partner's frame) and of the widgets page that builds
//! them, one table per language. Only the widget bundle, the occasional bundle and the server
//! draw these, so the reader's wasm never carries them (decision 0011: the reader's `Ui` is
//! compiled whole into every edition's build).

use infoshos_model::Lang;
use infoshos_model::widgets::WidgetProblem;

pub struct WidgetsUi {
    /// The widget footer's link to the portal.
    pub more: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub kind: &'static str,
    pub kinds: [&'static str; 4],
    pub limit: &'static str,
    pub country: &'static str,
    pub any_country: &'static str,
    /// The feed's section choice: its label, every section (the names are the reader's
    /// tables').
    pub section: &'static str,
    pub any_section: &'static str,
    /// The feed's thumbnails: the field, then without and with.
    pub photos: &'static str,
    pub photo_choices: [&'static str; 2],
    pub group: &'static str,
    pub groups: [&'static str; 3],
    pub theme: &'static str,
    pub themes: [&'static str; 2],
    pub preview: &'static str,
    pub code: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    /// An article card's link.
    pub read: &'static str,
    /// Above the list of a widget's problems.
    pub cannot_show: &'static str,
    /// Each takes the value as given in place of `{}`.
    pub bad_widget: &'static str,
    pub bad_limit: &'static str,
    pub bad_country: &'static str,
    pub bad_section: &'static str,
    pub bad_group: &'static str,
    pub bad_theme: &'static str,
    pub bad_lang: &'static str,
    pub bad_slug: &'static str,
    /// The converter widget's pair, on the widgets page.
    pub from: &'static str,
    pub to: &'static str,
    pub bad_currency: &'static str,
    pub bad_photos: &'static str,
}

impl WidgetsUi {
    /// A widget parameter's problem in words, with the value as given (shown as text only).
    pub fn problem(&self, p: &WidgetProblem) -> String {
        let (template, value) = match p {
            WidgetProblem::UnknownWidget(v) => (self.bad_widget, v),
            WidgetProblem::Limit(v) => (self.bad_limit, v),
            WidgetProblem::Country(v) => (self.bad_country, v),
            WidgetProblem::Section(v) => (self.bad_section, v),
            WidgetProblem::Group(v) => (self.bad_group, v),
            WidgetProblem::Theme(v) => (self.bad_theme, v),
            WidgetProblem::Lang(v) => (self.bad_lang, v),
            WidgetProblem::Slug(v) => (self.bad_slug, v),
            WidgetProblem::Currency(v) => (self.bad_currency, v),
            WidgetProblem::Photos(v) => (self.bad_photos, v),
        };
        template.replacen("{}", value, 1)
    }
}

pub fn widgets_ui(lang: Lang) -> &'static WidgetsUi {
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
        Lang::Zh => &ZH,
    }
}

static EN: WidgetsUi = WidgetsUi {
    more: "More on Infoshos",
    title: "Infoshos on your site",
    intro: "Choose a widget and its options, check the preview, then paste the two lines of code where it should appear. Widgets size themselves to their content.",
    kind: "Widget",
    kinds: [
        "Latest news",
        "Clocks of the SCO capitals",
        "Rouble rates of SCO currencies",
        "Currency converter",
    ],
    limit: "Headlines (1–20)",
    country: "About one state",
    any_country: "All states",
    section: "Section",
    any_section: "All sections",
    photos: "Photos",
    photo_choices: ["Headlines only", "With each story's photo"],
    group: "Capitals",
    groups: ["Members and partners", "Member states", "Partner states"],
    theme: "Colours",
    themes: ["Light", "Dark"],
    preview: "Preview",
    code: "Embed code",
    copy: "Copy code",
    copied: "Copied.",
    read: "Read on Infoshos",
    cannot_show: "This Infoshos widget can't be shown:",
    bad_widget: "there is no widget called “{}”.",
    bad_limit: "limit must be a whole number from 1 to 20, not “{}”.",
    bad_country: "“{}” is not the code of an SCO state.",
    bad_section: "“{}” is not one of the portal's sections.",
    bad_group: "group must be members, partners or all, not “{}”.",
    bad_theme: "theme must be light or dark, not “{}”.",
    bad_lang: "“{}” is not a language of Infoshos.",
    bad_slug: "the article “{}” can't be found.",
    from: "Converting from",
    to: "Into",
    bad_currency: "“{}” is not a currency code: three capital letters, such as CNY or RUB.",
    bad_photos: "photos must be 1 or 0, not “{}”.",
};

static RU: WidgetsUi = WidgetsUi {
    more: "Ещё на Infoshos",
    title: "Infoshos на вашем сайте",
    intro: "Выберите виджет и его настройки, посмотрите, как он выглядит, и вставьте две строки кода туда, где он должен быть. Виджет сам подстраивает высоту под содержимое.",
    kind: "Виджет",
    kinds: [
        "Последние новости",
        "Часы столиц ШОС",
        "Курсы валют ШОС к рублю",
        "Конвертер валют",
    ],
    limit: "Заголовков (1–20)",
    country: "Об одном государстве",
    any_country: "Все государства",
    section: "Рубрика",
    any_section: "Все рубрики",
    photos: "Фото",
    photo_choices: ["Только заголовки", "С фото каждого материала"],
    group: "Столицы",
    groups: [
        "Члены и партнёры",
        "Государства-члены",
        "Государства-партнёры",
    ],
    theme: "Цвета",
    themes: ["Светлые", "Тёмные"],
    preview: "Как это выглядит",
    code: "Код для вставки",
    copy: "Скопировать код",
    copied: "Скопировано.",
    read: "Читать на Infoshos",
    cannot_show: "Этот виджет Infoshos нельзя показать:",
    bad_widget: "виджета «{}» нет.",
    bad_limit: "limit должен быть целым числом от 1 до 20, а не «{}».",
    bad_country: "«{}» — не код государства ШОС.",
    bad_section: "«{}» — такой рубрики на портале нет.",
    bad_group: "group должен быть members, partners или all, а не «{}».",
    bad_theme: "theme должен быть light или dark, а не «{}».",
    bad_lang: "«{}» — не язык Infoshos.",
    bad_slug: "статья «{}» не найдена.",
    from: "Переводим из",
    to: "В",
    bad_currency: "«{}» — не код валюты: нужны три заглавные латинские буквы, например CNY или RUB.",
    bad_photos: "photos должен быть 1 или 0, а не «{}».",
};

static ZH: WidgetsUi = WidgetsUi {
    more: "在 Infoshos 查看更多",
    title: "在您的网站上使用 Infoshos",
    intro: "选择一个小组件及其选项，查看预览，然后把两行代码粘贴到要显示的位置。小组件会按内容自动调整高度。",
    kind: "小组件",
    kinds: [
        "最新消息",
        "上合组织首都时钟",
        "上合组织货币兑卢布汇率",
        "货币换算器",
    ],
    limit: "标题数（1–20）",
    country: "只看一个国家",
    any_country: "所有国家",
    section: "栏目",
    any_section: "所有栏目",
    photos: "图片",
    photo_choices: ["仅标题", "附每篇报道的图片"],
    group: "首都",
    groups: ["成员国和伙伴国", "成员国", "伙伴国"],
    theme: "配色",
    themes: ["浅色", "深色"],
    preview: "预览",
    code: "嵌入代码",
    copy: "复制代码",
    copied: "已复制。",
    read: "在 Infoshos 阅读",
    cannot_show: "无法显示此 Infoshos 小组件：",
    bad_widget: "没有名为“{}”的小组件。",
    bad_limit: "limit 必须是 1 到 20 之间的整数，而不是“{}”。",
    bad_country: "“{}”不是上合组织国家的代码。",
    bad_section: "“{}”不是本网站的栏目。",
    bad_group: "group 必须是 members、partners 或 all，而不是“{}”。",
    bad_theme: "theme 必须是 light 或 dark，而不是“{}”。",
    bad_lang: "“{}”不是 Infoshos 的语言。",
    bad_slug: "找不到文章“{}”。",
    from: "换算自",
    to: "换算为",
    bad_currency: "“{}”不是货币代码：应为三个大写字母，如 CNY 或 RUB。",
    bad_photos: "photos 必须是 1 或 0，而不是“{}”。",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widget_problems_quote_the_value() {
        assert_eq!(
            EN.problem(&WidgetProblem::Limit("50".into())),
            "limit must be a whole number from 1 to 20, not “50”."
        );
        assert!(
            EN.problem(&WidgetProblem::Country("<b>".into()))
                .contains("“<b>”")
        );
        assert!(
            RU.problem(&WidgetProblem::Currency("usd".into()))
                .contains("«usd»")
        );
    }
}
