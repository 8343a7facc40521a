//! The words of a currency's page (its history and the converter), one table per language.
//! Only the occasional bundle and the server draw that page, so the reader's wasm never carries
//! these (the reader's `Ui` is compiled whole into every edition's build, decision 0011).

use infoshos_model::Lang;
use infoshos_model::convert::AmountProblem;

pub struct RatesUi {
    pub against: &'static str,
    pub none: &'static str,
    pub days: &'static str,
    pub low: &'static str,
    pub high: &'static str,
    pub change: &'static str,
    pub figures: &'static str,
    pub date: &'static str,
    pub converter: &'static str,
    pub amount: &'static str,
    pub from: &'static str,
    pub into: &'static str,
    pub convert: &'static str,
    /// Followed by the rates' date.
    pub cross_note: &'static str,
    pub amount_empty: &'static str,
    pub amount_not_a_number: &'static str,
    pub amount_negative: &'static str,
    pub amount_too_large: &'static str,
    /// The code in place of `{}`.
    pub no_rate: &'static str,
}

impl RatesUi {
    pub fn problem(&self, problem: AmountProblem) -> &'static str {
        match problem {
            AmountProblem::Empty => self.amount_empty,
            AmountProblem::NotANumber => self.amount_not_a_number,
            AmountProblem::Negative => self.amount_negative,
            AmountProblem::TooLarge => self.amount_too_large,
        }
    }
}

pub fn rates_ui(lang: Lang) -> &'static RatesUi {
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
        Lang::Zh => &ZH,
    }
}

static EN: RatesUi = RatesUi {
    against: "against the rouble",
    none: "The portal holds no day of this rate yet: its history builds up as the official rates are fetched each day.",
    days: "days",
    low: "Lowest",
    high: "Highest",
    change: "Change over the period",
    figures: "The figures",
    date: "Date",
    converter: "Converter",
    amount: "Amount",
    from: "From",
    into: "Into",
    convert: "Convert",
    cross_note: "Through the official rouble rates of the Central Bank of Russia (a cross rate is computed from two of them) for",
    amount_empty: "Type an amount to convert.",
    amount_not_a_number: "Type the amount in figures, such as 5 000 or 5.5.",
    amount_negative: "The amount cannot be below zero.",
    amount_too_large: "That amount is too large to convert.",
    no_rate: "There is no official rate for “{}” on this day: pick a currency from the list.",
};

static RU: RatesUi = RatesUi {
    against: "к рублю",
    none: "Портал ещё не хранит ни одного дня этого курса: история собирается по мере того, как каждый день загружаются официальные курсы.",
    days: "дней",
    low: "Минимум",
    high: "Максимум",
    change: "Изменение за период",
    figures: "Данные",
    date: "Дата",
    converter: "Конвертер",
    amount: "Сумма",
    from: "Из",
    into: "В",
    convert: "Пересчитать",
    cross_note: "По официальным курсам рубля Банка России (кросс-курс вычислен из двух из них) на",
    amount_empty: "Введите сумму для пересчёта.",
    amount_not_a_number: "Введите сумму цифрами, например 5 000 или 5,5.",
    amount_negative: "Сумма не может быть меньше нуля.",
    amount_too_large: "Эта сумма слишком велика для пересчёта.",
    no_rate: "Официального курса «{}» на этот день нет: выберите валюту из списка.",
};

static ZH: RatesUi = RatesUi {
    against: "兑卢布",
    none: "本站尚未存有该汇率的任何一天：历史数据会随着每天获取官方汇率而逐步积累。",
    days: "天",
    low: "最低",
    high: "最高",
    change: "期间变化",
    figures: "数据",
    date: "日期",
    converter: "货币换算",
    amount: "金额",
    from: "从",
    into: "换成",
    convert: "换算",
    cross_note: "按俄罗斯中央银行公布的卢布官方汇率换算（交叉汇率由其中两个汇率计算得出），日期：",
    amount_empty: "请输入要换算的金额。",
    amount_not_a_number: "请用数字输入金额，例如 5000 或 5.5。",
    amount_negative: "金额不能小于零。",
    amount_too_large: "金额太大，无法换算。",
    no_rate: "这一天没有“{}”的官方汇率：请从列表中选择货币。",
};
