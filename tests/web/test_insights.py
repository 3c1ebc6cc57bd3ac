"""The Insights page: import your exported chat with them, then read it back (issue 4)."""

from __future__ import annotations

from datetime import datetime, timedelta

from web_client import FormClient

QUOTE = "haha I love that, thank you so much, what a day"


def chat_export(lines: int = 80) -> bytes:
    start = datetime(2025, 3, 1, 18, 0)
    rows = []
    for i in range(lines):
        when = start + timedelta(hours=9 * i)
        who = "Alex" if i % 2 else "Sam"
        text = QUOTE if i % 7 == 0 else f"message {i}, ok see you"
        rows.append(f"{when:%d/%m/%Y, %H:%M} - {who}: {text}")
    return ("\n".join(rows) + "\n").encode()


def test_without_a_chat_the_page_offers_the_import(client: FormClient) -> None:
    page = client.get("/insights").text
    assert "Import your chat" in page
    assert 'type="file"' in page


def test_importing_a_chat_shows_trends_and_good_times(client: FormClient) -> None:
    response = client.post(
        "/insights/import",
        data={"me": "Sam"},
        files={"chat": ("WhatsApp Chat.txt", chat_export(), "text/plain")},
    )
    assert 303 == response.status_code
    page = client.get("/insights").text
    assert "Your chat with Alex" in page
    assert "Your good times" in page
    assert "<svg" in page
    assert 'style="' not in page  # the strict CSP allows no inline styles: charts use classes
    assert QUOTE in page
    again = client.post(
        "/insights/import",
        data={"me": "Sam"},
        files={"chat": ("WhatsApp Chat.txt", chat_export(), "text/plain")},
    )
    assert 303 == again.status_code  # the same export again: nothing new, nothing doubled


def test_a_wrong_name_lists_the_people_and_keeps_what_was_typed(client: FormClient) -> None:
    response = client.post(
        "/insights/import",
        data={"me": "Samantha"},
        files={"chat": ("chat.txt", chat_export(), "text/plain")},
    )
    assert 422 == response.status_code
    assert "Alex" in response.text
    assert "Sam" in response.text
    assert 'value="Samantha"' in response.text


def test_a_file_that_is_not_a_chat_export_is_one_clear_sentence(client: FormClient) -> None:
    response = client.post(
        "/insights/import",
        data={"me": "Sam"},
        files={"chat": ("photo.png", b"\x89PNG", "image/png")},
    )
    assert 422 == response.status_code
    assert "isn&#39;t a chat export" in response.text
