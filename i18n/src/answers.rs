//! The server's answers to a reader's comment, in the article's language: the form token's
//! problems, a reply to a comment no longer shown, and a failure on our side. Only the server refers to these (a refused comment's
//! fields use the shared `problem_message`), so no reader's wasm carries them.

use infoshos_model::Lang;

pub struct Answers {
    pub token_missing: &'static str,
    pub token_forged: &'static str,
    pub token_expired: &'static str,
    pub token_too_fast: &'static str,
    pub not_stored: &'static str,
    /// A reply to a comment that is not (or no longer) shown on the article.
    pub reply_gone: &'static str,
}

const EN: Answers = Answers {
    token_missing: "This form is missing its security token. Please reload the page and send your comment again.",
    token_forged: "This form's security token is not valid. Please reload the page and send your comment again.",
    token_expired: "This form is more than a day old. Please reload the page and send your comment again.",
    token_too_fast: "That was sent very quickly. Please take a moment and send your comment again.",
    not_stored: "The comment could not be stored just now. Please send it again.",
    reply_gone: "The comment you are replying to is no longer shown. Your text is still here: send it as a comment of its own.",
};

const RU: Answers = Answers {
    token_missing: "У формы нет защитного ключа. Обновите страницу и отправьте комментарий ещё раз.",
    token_forged: "Защитный ключ формы недействителен. Обновите страницу и отправьте комментарий ещё раз.",
    token_expired: "Форме больше суток. Обновите страницу и отправьте комментарий ещё раз.",
    token_too_fast: "Форма отправлена слишком быстро. Подождите немного и отправьте комментарий ещё раз.",
    not_stored: "Сейчас не удалось сохранить комментарий. Отправьте его ещё раз.",
    reply_gone: "Комментарий, на который вы отвечаете, больше не показан. Ваш текст сохранён в форме: отправьте его как отдельный комментарий.",
};

const ZH: Answers = Answers {
    token_missing: "此表单缺少安全令牌。请刷新页面后重新发送评论。",
    token_forged: "此表单的安全令牌无效。请刷新页面后重新发送评论。",
    token_expired: "此表单已超过一天。请刷新页面后重新发送评论。",
    token_too_fast: "发送得太快了。请稍等片刻再发送评论。",
    not_stored: "评论暂时无法保存，请重新发送。",
    reply_gone: "您回复的评论已不再显示。您的文字仍在表单中，可作为单独的评论发送。",
};

pub fn answers(lang: Lang) -> &'static Answers {
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
        Lang::Zh => &ZH,
    }
}
