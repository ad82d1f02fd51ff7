"""Русские сообщения: слова самого Textual в приложении (палитра, заголовок, уведомления) и
относительное время."""

MESSAGES = {
    # Надписи Textual (mkhats.ui.palette и ui.app подставляют их вместо английских).
    "ui.palette.no_matches": "Ничего не найдено",
    "ui.palette.open": "Открыть палитру команд",
    "ui.quit_hint.title": "Хотите выйти?",
    "ui.quit_hint": "Чтобы выйти, нажмите {key}",
    "ui.screenshot.title": "Снимок экрана",
    "ui.screenshot.saved": "Снимок экрана сохранён",
    "ui.screenshot.saved_to": "Снимок экрана сохранён в {file}",
    "ui.screenshot.failed": "Не удалось сохранить снимок экрана",
    # Относительное время (present.relative): остальные слова — pendulum («3 дня назад», «2 недели»).
    "time.today": "сегодня",
    "time.just_now": "только что",
    "review.checked_when": "{pair}: проверил(а) {by} {day} ({ago}), действует до {until} (ещё {left}).",
    "review.checked_expires_today": "{pair}: проверил(а) {by} {day} ({ago}), действует по сегодня включительно.",
    "import_ui.inbox_newest": "Самый свежий пришёл {ago}.",
    "restore_ui.newest": "Самая свежая копия ниже сделана {ago}.",
}
