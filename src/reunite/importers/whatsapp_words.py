"""The words WhatsApp writes in place of media, deleted messages and notices.

Collected from real exports in many UI languages (the fixtures listed in
shared/external-chats/SOURCES.md). Phrases are compared lower-cased, without
direction marks and without a final full stop.
"""

from __future__ import annotations

import re
import unicodedata

#: Invisible direction and byte-order marks WhatsApp sprinkles into exports.
MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"


#: iOS "… omitted" placeholders and other whole-message media stand-ins.
def _key(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


MEDIA_PHRASES = frozenset(
    _key(p)
    for p in (
        # English
        "image omitted",
        "video omitted",
        "audio omitted",
        "sticker omitted",
        "GIF omitted",
        "Contact card omitted",
        "document omitted",
        "null",
        "live location shared",
        "<Media omitted>",
        "Media omitted",
        "photo omitted",
        "voice message omitted",
        # German
        "Bild weggelassen",
        "Video weggelassen",
        "Audio weggelassen",
        "Sticker weggelassen",
        "GIF weggelassen",
        "Kontaktkarte ausgelassen",
        "Dokument weggelassen",
        "Live-Standort wird geteilt",
        # French
        "image absente",
        "vidéo absente",
        "audio omis",
        "sticker omis",
        "GIF retiré",
        "Fiche contact manquante",
        "document manquant",
        # Spanish
        "imagen omitida",
        "Video omitido",
        "audio omitido",
        "sticker omitido",
        "GIF omitido",
        "Tarjeta de contacto omitida",
        "documento omitido",
        # Italian
        "immagine omessa",
        "video omesso",
        "audio omesso",
        "sticker non incluso",
        "GIF esclusa",
        "Scheda contatto omessa",
        "documento omesso",
        # Portuguese
        "imagem não revelada",
        "vídeo não revelado",
        "ficheiro de áudio não revelado",
        "sticker não revelado",
        "GIF não revelada",
        "Contacto não revelado",
        "documento não revelado",
        "imagem ocultada",
        "vídeo omitido",
        "áudio ocultado",
        "figurinha omitida",
        "documento omitido",
        # Dutch
        "afbeelding weggelaten",
        "video weggelaten",
        "audio weggelaten",
        "sticker weggelaten",
        # Czech
        "obrázek vynechán",
        "video vynecháno",
        "zvukový soubor vynechán",
        "nálepka vynechána",
        "GIF vynechán",
        "Vizitka vynechána",
        "dokument vynechán",
        # Russian
        "изображение отсутствует",
        "видео отсутствует",
        "аудиофайл отсутствует",
        "стикер не добавлен",
        "GIF отсутствует",
        "Карточка контакта отсутствует",
        "документ отсутствует",
        # Ukrainian
        "зображення відсутнє",
        "відео відсутнє",
        "аудіо відсутнє",
        "Наклейку не додано",
        "GIF-анімацію пропущено",
        "Картка контакту відсутня",
        "документ відсутній",
        # Indonesian
        "gambar tidak disertakan",
        "video tidak disertakan",
        "audio tidak disertakan",
        "stiker tidak disertakan",
        "GIF tidak disertakan",
        "Kartu kontak tidak disertakan",
        "dokumen tidak disertakan",
        # Vietnamese
        "đã bỏ qua hình ảnh",
        "đã bỏ video",
        "bỏ qua tệp âm thanh",
        "đã bỏ sticker",
        "Đã bỏ qua ảnh GIF",
        "Bỏ qua thẻ liên lạc",
        "đã bỏ qua tài liệu",
        # Japanese
        "画像は含まれていません",
        "ビデオは含まれていません",
        "音声は含まれていません",
        "スタンプは含まれていません",
        "GIFは含まれていません",
        "連絡先カードを省略",
        "書類は含まれていません",
        "ドキュメントは含まれていません",
        # Thai
        "ไม่มีรูปภาพ",
        "วิดีโอถูกลบ",
        "ไม่มีไฟล์เสียง",
        "ไม่มีสติกเกอร์",
        "ละเว้น GIF",
        "บัตรรายชื่อที่ละเว้น",
        "ไม่มีเอกสาร",
        "ละเว้นเอกสาร",
        "документ пропущено",
        # Hindi
        "फ़ोटो हटाई गई",
        "वीडियो छोड़ा गया",
        "ऑडियो हटाई गयी",
        "स्टिकर छोड़ा गया",
        "GIF छोड़ा गया",
        "कॉन्टैक्ट कार्ड छोड़ा गया",
        "डॉक्यूमेंट छोड़ा गया",
        # Arabic
        "لم يتم إدراج الصورة",
        "لم يتم إدراج الفيديوهات",
        "لم يتم إدراج المقاطع الصوتية",
        "تم حذف الملصقات",
        "لم يتم إدراج صورة GIF",
        "لم يتم إدراج بطاقة جهة اتصال",
        "لم يتم إدراج المستند",
    )
)

#: "This message was deleted" and "You deleted this message" in many languages.
DELETED_PHRASES = frozenset(
    _key(p)
    for p in (
        "This message was deleted",
        "You deleted this message",
        "Diese Nachricht wurde gelöscht",
        "Du hast diese Nachricht gelöscht",
        "Ce message a été supprimé",
        "Vous avez supprimé ce message",
        "Se eliminó este mensaje",
        "Eliminaste este mensaje",
        "Este mensaje fue eliminado",
        "Questo messaggio è stato eliminato",
        "Hai eliminato questo messaggio",
        "Esta mensagem foi apagada",
        "Apagou esta mensagem",
        "Você apagou esta mensagem",
        "Dit bericht is verwijderd",
        "U hebt dit bericht verwijderd",
        "Je hebt dit bericht verwijderd",
        "Tato zpráva byla smazána",
        "Tuto zprávu jste smazal/a",
        "Tato zpráva byla odstraněna",
        "Tuto zprávu jste odstranil/a",
        "Данное сообщение удалено",
        "Вы удалили данное сообщение",
        "Это сообщение было удалено",
        "Вы удалили это сообщение",
        "Це повідомлення було видалено",
        "Ви видалили це повідомлення",
        "Pesan ini dihapus",
        "Anda menghapus pesan ini",
        "Tin nhắn này đã bị xóa",
        "Bạn đã xoá tin nhắn này",
        "このメッセージは削除されました",
        "このメッセージを削除しました",
        "ข้อความนี้ถูกลบแล้ว",
        "คุณได้ลบข้อความนี้",
        "यह मैसेज डिलीट कर दिया गया है",
        "आपने यह मैसेज डिलीट किया",
        "تم حذف هذه الرسالة",
        "لقد حذَفت هذه الرسالة",
        "أنت حذفت هذه الرسالة",
    )
)


def phrase_key(text: str) -> str:
    """How a placeholder is compared: lower-case, NFC, no marks or final full stop."""
    return _key(text.strip(MARKS + " ").rstrip(".。"))


#: Fragments of the end-to-end encryption notice, which iOS files under the contact's name.
ENCRYPTION_WORDS = (
    "end-to-end",
    "ende-zu-ende",
    "extremo a extremo",
    "bout en bout",
    "ponto a ponto",
    "koncovým šifrováním",
    "сквозным шифрованием",
    "наскрізним шифруванням",
    "mã hóa đầu cuối",
    "エンドツーエンド暗号化",
    "เข้ารหัส",
    "एन्क्रिप्ट",
    "مشفرة",
)

#: `IMG-2022.jpg (file attached)` and its translations; `<attached: …>` and `<Anhang: …>`.
FILE_ATTACHED = re.compile(
    r"^\S.*\.\w{2,5} \([^()]{3,40}\)$|^<[^<>]{2,80}>$|^.* <[^<>:\s]{2,20}: [^<>]{1,120}\.\w{2,5}>$|"
    r"^\S.* \((?:file attached|datei angehängt|bestand bijgevoegd|файл добавлен|"
    r"soubor byl přiložen|archivo adjunto|fichier joint|file allegato|arquivo anexado|"
    r"ficheiro anexado|dosya ekli|plik załączony|fil vedhæftet|fil bifogad|file terlampir)\)$"
)
#: `Location: https://maps.google.com/?q=…` in any language.
LOCATION = re.compile(r"^[^\s:]{1,30}(?: [^\s:]{1,30})?: https?://maps\.google\.com/\S*$")
#: "Tap to learn more" tails after an inner direction mark (security-code notices).
NOTICE_TAIL = re.compile(rf"\s[{MARKS}]\S")
#: System lines that only happen in group chats.
GROUP_EVENT = re.compile(
    r"created group|added you|\badded\b|\bremoved\b|\bleft$|joined using|changed the subject|"
    r"changed this group's|group's icon|changed the group|Gruppe|hinzugefügt|entfernt|"
    r"groep|skupin|групп|group",
    re.IGNORECASE,
)
