//! The words of the newsroom's photos: the upload, the library, an article's lead photo, and
//! why a file is refused, in `/admin` and in the server's answers to it.

use infoshos_model::Lang;
use infoshos_model::photos::{PhotoProblem, Refusal, UPLOAD_MAX_BYTES};

pub struct PhotosUi {
    pub photos: &'static str,
    pub upload_title: &'static str,
    pub file: &'static str,
    pub file_note: &'static str,
    pub alt: &'static str,
    pub alt_note: &'static str,
    pub caption: &'static str,
    pub credit: &'static str,
    pub focal_note: &'static str,
    pub upload: &'static str,
    /// `{}`: per cent sent.
    pub sending: &'static str,
    pub processing: &'static str,
    pub uploaded: &'static str,
    pub already_there: &'static str,
    pub search: &'static str,
    pub none_found: &'static str,
    pub lead: &'static str,
    pub lead_note: &'static str,
    pub use_as_lead: &'static str,
    pub remove_lead: &'static str,
    pub body_photo: &'static str,
    pub place_in_text: &'static str,
    pub unknown_photo: &'static str,
    pub empty: &'static str,
    pub not_a_picture: &'static str,
    pub heic: &'static str,
    pub svg: &'static str,
    pub gif: &'static str,
    pub animated: &'static str,
    /// `{}` width, `{}` height.
    pub too_large: &'static str,
    pub damaged: &'static str,
    /// `{}` megabytes.
    pub too_many_bytes: &'static str,
}

pub const PHOTOS_EN: PhotosUi = PhotosUi {
    photos: "Photos",
    upload_title: "Add a photo to the library",
    file: "Photo file",
    file_note: "JPEG, PNG or WebP, up to 50 megapixels. The file's own data (place, camera) is never published.",
    alt: "Alt text",
    alt_note: "What the photo shows, for readers who cannot see it. Required.",
    caption: "Caption",
    credit: "Credit",
    focal_note: "Click the photo where its subject is: crops keep that point in frame.",
    upload: "Upload",
    sending: "Sending… {} %",
    processing: "Making the sizes readers get…",
    uploaded: "In the library.",
    already_there: "This photo was already in the library; nothing new was stored.",
    search: "Search by caption, credit or alt text",
    none_found: "No photos found.",
    lead: "Lead photo",
    lead_note: "Shown above the article, in the feed and in link previews.",
    use_as_lead: "Use as lead photo",
    remove_lead: "Remove the lead photo",
    body_photo: "Place a photo in the text",
    place_in_text: "Place in the text",
    unknown_photo: "That photo is not in the library.",
    empty: "Choose a photo file: nothing was sent.",
    not_a_picture: "This file is not a photo (JPEG, PNG or WebP).",
    heic: "HEIC photos are not taken yet: export it as JPEG and upload that.",
    svg: "SVG is not taken: it can carry scripts. Upload a JPEG, PNG or WebP.",
    gif: "GIF is not taken: upload a JPEG, PNG or WebP photo.",
    animated: "Animated pictures are not taken: upload a still photo.",
    too_large: "This photo is {} × {} pixels: at most 50 megapixels and 12 000 a side are taken.",
    damaged: "This file is damaged or cut short: upload it again from the original.",
    too_many_bytes: "This file is over {} MB.",
};

pub const PHOTOS_RU: PhotosUi = PhotosUi {
    photos: "Фото",
    upload_title: "Добавить фото в библиотеку",
    file: "Файл фото",
    file_note: "JPEG, PNG или WebP, до 50 мегапикселей. Данные файла (место, камера) не публикуются.",
    alt: "Описание для незрячих",
    alt_note: "Что на фото — для читателей, которые его не видят. Обязательно.",
    caption: "Подпись",
    credit: "Автор фото",
    focal_note: "Нажмите на фото там, где главное: при кадрировании эта точка останется в кадре.",
    upload: "Загрузить",
    sending: "Отправка… {} %",
    processing: "Готовим размеры для читателей…",
    uploaded: "Фото в библиотеке.",
    already_there: "Это фото уже было в библиотеке; ничего нового не сохранено.",
    search: "Поиск по подписи, автору или описанию",
    none_found: "Фото не найдены.",
    lead: "Главное фото",
    lead_note: "Над статьёй, в ленте и в превью ссылок.",
    use_as_lead: "Сделать главным фото",
    remove_lead: "Убрать главное фото",
    body_photo: "Поставить фото в текст",
    place_in_text: "Поставить в текст",
    unknown_photo: "Такого фото нет в библиотеке.",
    empty: "Выберите файл фото: ничего не отправлено.",
    not_a_picture: "Этот файл — не фото (JPEG, PNG или WebP).",
    heic: "HEIC пока не принимается: сохраните фото как JPEG и загрузите его.",
    svg: "SVG не принимается: в нём могут быть скрипты. Загрузите JPEG, PNG или WebP.",
    gif: "GIF не принимается: загрузите фото в JPEG, PNG или WebP.",
    animated: "Анимация не принимается: загрузите обычное фото.",
    too_large: "В этом фото {} × {} пикселей: принимается до 50 мегапикселей и до 12 000 по стороне.",
    damaged: "Файл повреждён или обрезан: загрузите его заново из оригинала.",
    too_many_bytes: "Файл больше {} МБ.",
};

pub const PHOTOS_ZH: PhotosUi = PhotosUi {
    photos: "图片",
    upload_title: "向图库添加图片",
    file: "图片文件",
    file_note: "JPEG、PNG 或 WebP，最多 5000 万像素。文件自带的信息（地点、相机）不会发布。",
    alt: "替代文字",
    alt_note: "为看不到图片的读者说明图片内容。必填。",
    caption: "图片说明",
    credit: "摄影／来源",
    focal_note: "点击图片主体所在的位置：裁剪时该点始终保留在画面中。",
    upload: "上传",
    sending: "正在发送… {} %",
    processing: "正在生成读者所需的各个尺寸…",
    uploaded: "已加入图库。",
    already_there: "这张图片已在图库中，未保存新内容。",
    search: "按说明、来源或替代文字搜索",
    none_found: "没有找到图片。",
    lead: "头图",
    lead_note: "显示在文章上方、新闻列表和链接预览中。",
    use_as_lead: "设为头图",
    remove_lead: "移除头图",
    body_photo: "在正文中插入图片",
    place_in_text: "插入正文",
    unknown_photo: "图库中没有这张图片。",
    empty: "请选择图片文件：未发送任何内容。",
    not_a_picture: "此文件不是图片（JPEG、PNG 或 WebP）。",
    heic: "暂不接受 HEIC：请导出为 JPEG 后上传。",
    svg: "不接受 SVG：其中可能含有脚本。请上传 JPEG、PNG 或 WebP。",
    gif: "不接受 GIF：请上传 JPEG、PNG 或 WebP 图片。",
    animated: "不接受动图：请上传静态图片。",
    too_large: "此图片为 {} × {} 像素：最多接受 5000 万像素、单边 12000 像素。",
    damaged: "文件已损坏或不完整：请从原件重新上传。",
    too_many_bytes: "文件超过 {} MB。",
};

pub fn photos_ui(lang: Lang) -> &'static PhotosUi {
    match lang {
        Lang::En => &PHOTOS_EN,
        Lang::Ru => &PHOTOS_RU,
        Lang::Zh => &PHOTOS_ZH,
    }
}

/// Why a file is refused, in the editor's language.
pub fn refusal_message(lang: Lang, r: Refusal) -> String {
    let t = photos_ui(lang);
    match r {
        Refusal::Empty => t.empty.to_string(),
        Refusal::NotAPicture => t.not_a_picture.to_string(),
        Refusal::Heic => t.heic.to_string(),
        Refusal::Svg => t.svg.to_string(),
        Refusal::Gif => t.gif.to_string(),
        Refusal::Animated => t.animated.to_string(),
        Refusal::TooLarge { width, height } => t
            .too_large
            .replacen("{}", &width.to_string(), 1)
            .replacen("{}", &height.to_string(), 1),
        Refusal::Damaged => t.damaged.to_string(),
        Refusal::TooManyBytes => {
            t.too_many_bytes
                .replacen("{}", &(UPLOAD_MAX_BYTES / (1024 * 1024)).to_string(), 1)
        }
    }
}

/// A field's problem in an upload, in the editor's language.
pub fn photo_problem_message(lang: Lang, p: PhotoProblem) -> String {
    match p {
        PhotoProblem::Field(p) => super::super::problem_message(lang, p),
        PhotoProblem::File(r) => refusal_message(lang, r),
    }
}
