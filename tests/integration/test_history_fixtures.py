"""Every fixture in shared/external-chats parses to what reading the file says.

For each file: the exact number of messages, the first and last timestamp (local
time as written), the senders (or how many in large groups), and whether the file
is a deliberate robustness case (hand-edited or adversarial) rather than a plain
export. The fixtures are read in place and never copied into this repository.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import pytest

from reunite.importers import parse_file

FIXTURES_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "external-chats"

pytestmark = pytest.mark.skipif(
    not FIXTURES_DIR.is_dir(), reason="the shared chat-export fixtures are not available"
)


class Case(NamedTuple):
    path: str
    count: int
    first: str
    last: str
    senders: tuple[str, ...] | int
    robustness: bool


FIXTURES = [
    Case(
        "MasterScrat__Chatistics/tests/test_data/whatsapp/_chat 2.txt",
        4,
        "2019-09-17T16:37:47",
        "2019-09-17T16:39:52",
        ("John Doe", "Peter Doe"),
        robustness=True,
    ),
    Case(
        "MasterScrat__Chatistics/tests/test_data/whatsapp/_chat 3.txt",
        11,
        "2019-02-11T14:18:00",
        "2019-02-11T14:51:00",
        (
            "Even longer username with emoticons! 🙈 🙈",
            "John Doe",
            "The final test",
            "Very long username",
            "n",
        ),
        robustness=True,
    ),
    Case(
        "MasterScrat__Chatistics/tests/test_data/whatsapp/_chat 4.txt",
        3,
        "2019-09-17T08:30:52",
        "2019-09-18T16:50:32",
        ("John Doe",),
        robustness=True,
    ),
    Case(
        "MasterScrat__Chatistics/tests/test_data/whatsapp/_chat.txt",
        21,
        "2018-01-04T11:53:57",
        "2019-04-19T16:18:33",
        ("Alice Placeholder", "John Doe"),
        robustness=True,
    ),
    Case(
        "gesiscss__WhatsR/inst/englishandroid24h.txt",
        50,
        "2018-01-29T12:24:00",
        "2018-01-30T00:23:00",
        ("Alice", "Bob", "Carol", "Dave", "Mallory"),
        robustness=True,
    ),
    Case(
        "gesiscss__WhatsR/inst/englishandroidampm.txt",
        50,
        "2018-01-29T12:24:00",
        "2018-01-30T00:23:00",
        ("Alice", "Bob", "Carol", "Dave", "Mallory"),
        robustness=True,
    ),
    Case(
        "gesiscss__WhatsR/inst/englishios24h.txt",
        50,
        "2018-01-29T12:24:03",
        "2018-01-30T00:23:03",
        ("Alice", "Bob", "Carol", "Dave", "Mallory"),
        robustness=True,
    ),
    Case(
        "gesiscss__WhatsR/inst/englishiosampm.txt",
        50,
        "2018-01-29T12:24:03",
        "2018-01-30T00:23:03",
        ("Alice", "Bob", "Carol", "Dave", "Mallory"),
        robustness=True,
    ),
    Case(
        "gesiscss__WhatsR/inst/germanandroid24h.txt",
        50,
        "2018-01-29T12:24:00",
        "2018-01-30T00:13:00",
        ("Alice", "Bob", "Carol", "Dave", "Mallory"),
        robustness=True,
    ),
    Case(
        "gesiscss__WhatsR/inst/germanandroidampm.txt",
        50,
        "2018-01-29T12:24:00",
        "2018-01-30T00:23:00",
        ("Alice", "Bob", "Carol", "Dave", "Mallory"),
        robustness=True,
    ),
    Case(
        "gesiscss__WhatsR/inst/germanios24h.txt",
        50,
        "2018-01-29T12:24:03",
        "2018-01-30T00:13:03",
        ("Alice", "Bob", "Carol", "Dave", "Mallory"),
        robustness=True,
    ),
    Case(
        "gesiscss__WhatsR/inst/germaniosampm.txt",
        50,
        "2018-01-29T12:24:03",
        "2018-01-30T00:23:03",
        ("Alice", "Bob", "Carol", "Dave", "Mallory"),
        robustness=True,
    ),
    Case(
        "joweich__chat-miner/test/instagram/test_export.json",
        2,
        "2019-12-24T11:23:00",
        "2020-01-17T20:49:00",
        ("Jane Doe", "John Doe"),
        robustness=False,
    ),
    Case(
        "joweich__chat-miner/test/signal/test_export.txt",
        2,
        "2019-12-24T12:23:00",
        "2020-01-17T21:49:00",
        ("Jane Doe", "John Doe"),
        robustness=False,
    ),
    Case(
        "joweich__chat-miner/test/telegram/test_batch_export.json",
        2,
        "2018-12-05T10:39:10",
        "2018-12-05T10:49:24",
        ("Author 1", "Author 2"),
        robustness=False,
    ),
    Case(
        "joweich__chat-miner/test/telegram/test_single_export.json",
        2,
        "2018-12-05T10:39:10",
        "2018-12-05T10:49:24",
        ("Author 1", "Author 2"),
        robustness=False,
    ),
    Case(
        "joweich__chat-miner/test/whatsapp/test_[mmddyy]_24hrs.txt",
        9,
        "2019-01-01T11:25:00",
        "2021-12-30T22:01:00",
        ("Jahn Doe", "John Doe", "John Doe 🤓", "John-John Doe", "🤓"),
        robustness=False,
    ),
    Case(
        "joweich__chat-miner/test/whatsapp/test_ddmmyy_24hrs.txt",
        9,
        "2019-01-01T11:25:00",
        "2021-12-30T22:01:00",
        ("Jahn Doe", "John Doe", "John Doe 🤓", "John-John Doe", "🤓"),
        robustness=False,
    ),
    Case(
        "joweich__chat-miner/test/whatsapp/test_mmddyy_24hrs.txt",
        9,
        "2019-01-01T11:25:00",
        "2021-12-30T22:01:00",
        ("Jahn Doe", "John Doe", "John Doe 🤓", "John-John Doe", "🤓"),
        robustness=False,
    ),
    Case(
        "joweich__chat-miner/test/whatsapp/test_mmddyyyy_12hrs.txt",
        9,
        "2019-01-01T11:25:00",
        "2021-12-30T22:01:00",
        ("Jahn Doe", "John Doe", "John Doe 🤓", "John-John Doe", "🤓"),
        robustness=True,
    ),
    Case(
        "joweich__chat-miner/test/whatsapp/test_yyyymmdd_24hrs.txt",
        9,
        "2019-01-01T11:25:00",
        "2021-12-30T22:01:00",
        ("Jahn Doe", "John Doe", "John Doe 🤓", "John-John Doe", "🤓"),
        robustness=False,
    ),
    Case(
        "lucasrodes__whatstk/chats/whatsapp/lorem-2000.txt",
        2000,
        "2019-04-16T02:09:00",
        "2020-06-13T00:00:00",
        ("+1 123 456 789", "Giuseppe", "John", "Mary"),
        robustness=False,
    ),
    Case(
        "lucasrodes__whatstk/chats/whatsapp/lorem-merge-part1.txt",
        300,
        "2019-10-20T10:16:00",
        "2020-01-10T00:00:00",
        ("+1 123 456 789", "Giuseppe", "John", "Mary"),
        robustness=False,
    ),
    Case(
        "lucasrodes__whatstk/chats/whatsapp/lorem-merge-part2.txt",
        300,
        "2020-06-20T10:16:00",
        "2020-09-10T00:00:00",
        ("+1 123 456 789", "Giuseppe", "John", "Maria", "Maria2"),
        robustness=False,
    ),
    Case(
        "lucasrodes__whatstk/chats/whatsapp/lorem.txt",
        500,
        "2020-01-15T02:22:56",
        "2020-05-11T22:32:48",
        ("+1 123 456 789", "Giuseppe", "John", "Mary"),
        robustness=False,
    ),
    Case(
        "lucasrodes__whatstk/chats/whatsapp/pokemon.txt",
        20,
        "2016-04-15T15:04:00",
        "2016-10-31T12:23:00",
        8,
        robustness=False,
    ),
    Case(
        "mlomb__chat-analytics/tests/samples/messenger/2A_7M.json",
        7,
        "2014-11-05T00:27:20.411000",
        "2014-11-05T00:35:32.056000",
        ("Alice", "Bob"),
        robustness=False,
    ),
    Case(
        "mlomb__chat-analytics/tests/samples/telegram/BIG_20A_5475M.json",
        5475,
        "2017-01-01T06:20:09.248000",
        "2019-12-31T18:19:24.288000",
        20,
        robustness=True,
    ),
    Case(
        "mlomb__chat-analytics/tests/samples/telegram/DM_2A_7M.json",
        8,
        "2019-07-05T16:55:32",
        "2023-08-10T23:11:02",
        ("Alice", "Bob"),
        robustness=True,
    ),
    Case(
        "mlomb__chat-analytics/tests/samples/whatsapp/2A_5M.txt",
        5,
        "2021-01-01T12:00:00",
        "2021-01-01T12:02:00",
        ("A", "B"),
        robustness=True,
    ),
    Case(
        "mlomb__chat-analytics/tests/samples/whatsapp/4A_11M.txt",
        14,
        "2020-12-09T23:55:00",
        "2020-12-09T23:56:00",
        ("Alice", "Bob", "Eve", "Mallory", "Trent"),
        robustness=False,
    ),
    Case(
        "mlomb__chat-analytics/tests/samples/whatsapp/4A_11M.zip",
        14,
        "2020-12-09T23:55:00",
        "2020-12-09T23:56:00",
        ("Alice", "Bob", "Eve", "Mallory", "Trent"),
        robustness=False,
    ),
    Case(
        "sodascience__port-whatsapp-datadonation/data_extractor/tests/data/_chat.txt",
        10,
        "2022-03-16T15:10:17",
        "2020-07-14T22:05:54",
        ("person1", "person2", "person3", "person4"),
        robustness=False,
    ),
    Case(
        "sodascience__port-whatsapp-datadonation/data_extractor/tests/data/_chat_file1.txt",
        10,
        "2022-03-16T15:10:17",
        "2020-07-14T22:05:54",
        ("person1", "person2", "person3", "person4"),
        robustness=False,
    ),
    Case(
        "sodascience__port-whatsapp-datadonation/data_extractor/tests/data/_chat_file2.txt",
        10,
        "2022-03-16T15:10:17",
        "2020-07-14T22:05:54",
        ("person1", "person2", "person3", "person4"),
        robustness=False,
    ),
    Case(
        "sodascience__port-whatsapp-datadonation/data_extractor/tests/data/_chat_file3.txt",
        10,
        "2022-03-16T15:10:00",
        "2020-07-14T22:05:00",
        ("person1", "person2", "person3", "person4"),
        robustness=False,
    ),
    Case(
        "sodascience__port-whatsapp-datadonation/data_extractor/tests/data/_chat_file4.txt",
        10,
        "2022-03-16T15:10:00",
        "2020-07-14T22:05:00",
        ("person1", "person2", "person3", "person4"),
        robustness=False,
    ),
    Case(
        "sodascience__port-whatsapp-datadonation/data_extractor/tests/data/_chat_file5.txt",
        10,
        "2022-03-16T15:10:17",
        "2020-07-14T22:05:54",
        ("person1", "person2", "person3", "person4"),
        robustness=False,
    ),
    Case(
        "sodascience__port-whatsapp-datadonation/data_extractor/tests/data/_chat_file6.txt",
        10,
        "2022-03-16T15:10:17",
        "2020-07-14T22:05:54",
        ("person1", "person2", "person3", "person4"),
        robustness=False,
    ),
    Case(
        "sodascience__port-whatsapp-datadonation/data_extractor/tests/data/whatsapp_chat.zip",
        10,
        "2022-03-16T15:10:17",
        "2020-07-14T22:05:54",
        ("person1", "person2", "person3", "person4"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/example/_chat.txt",
        25,
        "2022-03-18T14:56:01",
        "2023-01-07T23:32:30",
        ("Dmirty S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/example/_chat_with_media.txt",
        25,
        "2022-03-18T14:56:01",
        "2023-01-07T23:32:30",
        ("Dmirty S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/android/Chat WhatsApp s\xa0uživatelem Dmitry S CZ Android.txt",
        60,
        "2022-03-23T13:31:00",
        "2023-01-07T23:32:00",
        ("Dmitry S", "Elon"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/android/WhatsApp Chat with Dmitry S EN Android.txt",
        60,
        "2022-03-23T13:31:00",
        "2023-01-07T23:32:00",
        ("Dmitry S", "Elon"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/android/WhatsApp Chat with Dmitry S EN+Media Android.txt",
        60,
        "2022-03-23T13:31:00",
        "2023-01-07T23:32:00",
        ("Dmitry S", "Elon"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/android/WhatsApp Chat with Group Chat XXX Android.txt",
        20,
        "2023-01-11T16:13:00",
        "2023-01-11T16:57:00",
        ("Dmitry S",),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/android/Чат WhatsApp с\xa0контактом Dmitry S RU Android.txt",
        60,
        "2022-03-23T13:31:00",
        "2023-01-07T23:32:00",
        ("Dmitry S", "Elon"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/calendars/Buddhist iOS.txt",
        28,
        "2022-03-18T14:56:01",
        "2023-01-12T15:35:15",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/calendars/Gregorian iOS.txt",
        25,
        "2022-03-18T14:56:01",
        "2023-01-07T23:32:30",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/calendars/Japanese iOS.txt",
        28,
        "2022-03-18T14:56:01",
        "2023-01-12T15:35:15",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/ios/WhatsApp Chat - Elon Musk (Arabic).txt",
        25,
        "2022-03-18T14:56:01",
        "2023-01-07T23:32:30",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/ios/WhatsApp Chat - Elon Musk (CZ).txt",
        25,
        "2022-03-18T14:56:00",
        "2023-01-07T23:32:30",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/ios/WhatsApp Chat - Elon Musk (EN).txt",
        25,
        "2022-03-18T14:56:01",
        "2023-01-07T23:32:30",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/ios/WhatsApp Chat - Elon Musk (EN+Media).txt",
        25,
        "2022-03-18T14:56:01",
        "2023-01-07T23:32:30",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/ios/WhatsApp Chat - Elon Musk (FR).txt",
        25,
        "2022-03-18T14:56:00",
        "2023-01-07T23:32:30",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/ios/WhatsApp Chat - Elon Musk (German).txt",
        25,
        "2022-03-18T14:56:00",
        "2023-01-07T23:32:30",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/ios/WhatsApp Chat - Elon Musk (IT).txt",
        25,
        "2022-03-18T14:56:00",
        "2023-01-07T23:32:30",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/ios/WhatsApp Chat - Elon Musk (Portugal).txt",
        25,
        "2022-03-18T14:56:00",
        "2023-01-07T23:32:30",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/ios/WhatsApp Chat - Elon Musk (RU).txt",
        25,
        "2022-03-18T14:56:00",
        "2023-01-07T23:32:30",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/ios/WhatsApp Chat - Elon Musk (RU).zip",
        25,
        "2022-03-18T14:56:00",
        "2023-01-07T23:32:30",
        ("Dmitry Starkov", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/ios/WhatsApp Chat - Elon Musk (Spanish).txt",
        25,
        "2022-03-18T14:56:00",
        "2023-01-07T23:32:30",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/ios/WhatsApp Chat - Elon Musk (UKR).txt",
        25,
        "2022-03-18T14:56:00",
        "2023-01-07T23:32:30",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/ios/iOS Hindi.txt",
        28,
        "2022-03-18T14:56:00",
        "2023-01-12T15:35:14",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/ios/iOS Indonesian.txt",
        28,
        "2022-03-18T14:56:01",
        "2023-01-12T15:35:14",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/ios/iOS Japanese.txt",
        28,
        "2022-03-18T14:56:00",
        "2023-01-12T15:35:14",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/ios/iOS Thai.txt",
        28,
        "2022-03-18T14:56:01",
        "2023-01-12T15:35:15",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/ios/iOS Vietnamese.txt",
        28,
        "2022-03-18T14:56:01",
        "2023-01-12T15:35:15",
        ("Dmitry S", "Musk Elon"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/arabic2_ios.txt",
        23,
        "2022-03-18T14:56:01",
        "2022-03-27T21:56:45",
        ("Dmitry Starkov", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/arabic_ios.txt",
        23,
        "2022-03-18T14:56:00",
        "2022-03-27T21:56:45",
        ("+40\xa0521\xa0028\xa061\xa088", "Dmitry S"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/czech_android.txt",
        60,
        "2022-03-23T13:31:00",
        "2023-01-07T23:32:00",
        ("Dmitry S", "Elon"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/czech_ios.txt",
        23,
        "2022-03-18T14:56:00",
        "2022-03-27T21:56:45",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/deutch_android_media.txt",
        41,
        "2022-03-23T13:31:00",
        "2023-01-07T23:32:00",
        ("Dmitry S", "Elon"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/deutch_ios.txt",
        23,
        "2022-03-18T14:56:00",
        "2022-03-27T21:56:45",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/english_android.txt",
        60,
        "2022-03-23T13:31:00",
        "2023-01-07T23:32:00",
        ("Dmitry S", "Elon"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/english_android_media.txt",
        60,
        "2022-03-23T13:31:00",
        "2023-01-07T23:32:00",
        ("Dmitry S", "Elon"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/english_ios.txt",
        23,
        "2022-03-18T14:56:01",
        "2022-03-27T21:56:45",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/english_ios_media.txt",
        25,
        "2022-03-18T14:56:01",
        "2023-01-07T23:32:30",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/french_ios.txt",
        23,
        "2022-03-18T14:56:00",
        "2022-03-27T21:56:45",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/hindi_ios.txt",
        23,
        "2022-03-18T14:56:00",
        "2022-03-27T21:56:45",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/indonesian_ios.txt",
        23,
        "2022-03-18T14:56:01",
        "2022-03-27T21:56:45",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/italian_ios.txt",
        23,
        "2022-03-18T14:56:00",
        "2022-03-27T21:56:45",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/japanese_ios.txt",
        23,
        "2022-03-18T14:56:00",
        "2022-03-27T21:56:45",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/portugal_ios.txt",
        23,
        "2022-03-18T14:56:00",
        "2022-03-27T21:56:45",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/russian_android.txt",
        60,
        "2022-03-23T13:31:00",
        "2023-01-07T23:32:00",
        ("Dmitry S", "Elon"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/russian_ios.txt",
        23,
        "2022-03-18T14:56:00",
        "2022-03-27T21:56:45",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/spanish_ios.txt",
        23,
        "2022-03-18T14:56:00",
        "2022-03-27T21:56:45",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/thai_ios.txt",
        23,
        "2022-03-18T14:56:01",
        "2022-03-27T21:56:45",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/ukrainian_ios.txt",
        23,
        "2022-03-18T14:56:00",
        "2022-03-27T21:56:45",
        ("Dmitry S", "Elon Musk"),
        robustness=False,
    ),
    Case(
        "starkdmi__whats_json/test/data/languages/vietnamese_ios.txt",
        23,
        "2022-03-18T14:56:01",
        "2022-03-27T21:56:46",
        ("Dmitry S", "Musk Elon"),
        robustness=False,
    ),
]


def _parse(path: str) -> list:
    return list(parse_file(FIXTURES_DIR / path, tz=UTC))


@pytest.mark.parametrize("case", FIXTURES, ids=[c.path.rsplit("/", 1)[-1] for c in FIXTURES])
def test_fixture_parses_to_what_the_file_says(case: Case) -> None:
    messages = _parse(case.path)
    senders = sorted({m.sender for m in messages if m.sender is not None})
    assert len(messages) == case.count
    assert messages[0].time.isoformat() == case.first
    assert messages[-1].time.isoformat() == case.last
    if isinstance(case.senders, int):
        assert len(senders) == case.senders
    else:
        assert tuple(senders) == case.senders
    assert all(m.kind in {"text", "media", "system", "deleted"} for m in messages)
    assert [m.line for m in messages] == sorted(m.line for m in messages) or case.path.endswith(
        ".json"
    )


_HEADER_LIKE = re.compile(r"^[\u200e\u200f\ufeff]*\[?[\u200e\u200f\ufeff]*\d")
_PLAIN_WHATSAPP = [
    c for c in FIXTURES if c.path.endswith(".txt") and not c.robustness and "signal" not in c.path
]


@pytest.mark.parametrize(
    "case", _PLAIN_WHATSAPP, ids=[c.path.rsplit("/", 1)[-1] for c in _PLAIN_WHATSAPP]
)
def test_every_header_line_of_a_plain_export_starts_a_message(case: Case) -> None:
    """Independent check: in a plain export each line that starts with a date is a message."""
    text = (FIXTURES_DIR / case.path).read_text(encoding="utf-8-sig")
    header_lines = [n for n, line in enumerate(text.splitlines(), 1) if _HEADER_LIKE.match(line)]
    assert [m.line for m in _parse(case.path)] == header_lines


def test_fixtures_cover_every_file_in_the_folder() -> None:
    on_disk = {
        str(p.relative_to(FIXTURES_DIR))
        for p in FIXTURES_DIR.rglob("*")
        if p.is_file() and p.name not in {"SOURCES.md", "target.json"}
    }
    assert on_disk == {c.path for c in FIXTURES}


def _by_line(path: str) -> dict[int, object]:
    return {m.line: m for m in _parse(path)}


def test_arabic_digits_and_arabic_pm_mark_give_evening_times() -> None:
    messages = _by_line("starkdmi__whats_json/test/data/languages/arabic_ios.txt")
    assert messages[2].time == datetime(2022, 3, 27, 21, 41, 35)
    assert messages[2].sender == "Dmitry S"
    assert messages[1].kind == "system"  # the encryption notice filed under a phone number


def test_buddhist_and_japanese_era_years_are_gregorian() -> None:
    for name in ("Buddhist iOS.txt", "Japanese iOS.txt"):
        first = _parse(f"starkdmi__whats_json/test/data/calendars/{name}")[0]
        assert first.time == datetime(2022, 3, 18, 14, 56, 1)
        assert (first.sender, first.kind) == (None, "system")


def test_time_first_vietnamese_headers() -> None:
    messages = _by_line("starkdmi__whats_json/test/data/ios/iOS Vietnamese.txt")
    assert messages[2].time == datetime(2022, 3, 27, 21, 41, 35)
    assert messages[3].kind == "media"
    assert messages[15].kind == "deleted"
    assert messages[24].kind == "system"  # security code changed, filed under the contact


def test_caption_after_android_media_stays_with_it() -> None:
    messages = _by_line(
        "starkdmi__whats_json/test/data/android/WhatsApp Chat with Dmitry S EN+Media Android.txt"
    )
    assert (messages[4].kind, messages[4].text) == ("media", "<Media omitted>\nCaption")
    assert 5 not in messages
    assert (
        messages[46].text
        == "Pimlico Gardens\nLondon, United Kingdom\nhttps://foursquare.com/v/4e89af95e5fa82ad4c0aa03b"
    )


def test_header_lines_in_another_layout_stay_in_the_body() -> None:
    messages = _by_line("MasterScrat__Chatistics/tests/test_data/whatsapp/_chat.txt")
    assert messages[18].text.endswith(
        "\n[1.2.2019, 00:00:00] John Doe: this line is not a message on its own"
    )
    assert messages[21].text.endswith(
        "2/11/19, 14:48 Alice Placeholder: this is a message from another chat!"
    )
    assert 19 not in messages
    assert 22 not in messages


def test_empty_body_keeps_the_lines_after_it() -> None:
    messages = _by_line("MasterScrat__Chatistics/tests/test_data/whatsapp/_chat 3.txt")
    assert (messages[10].sender, messages[10].text) == ("John Doe", "\n\n\n\n\n👍👍👍👍👍👍!")


def test_spanish_meridiem_and_impossible_hours() -> None:
    messages = _by_line("joweich__chat-miner/test/whatsapp/test_mmddyyyy_12hrs.txt")
    assert messages[3].time == datetime(2019, 1, 30, 20, 49)
    assert messages[6].time == datetime(2020, 6, 20, 0, 8)  # "00:08 a. m."
    assert messages[9].time == datetime(2021, 12, 20, 12, 10)
    pm = _by_line("gesiscss__WhatsR/inst/englishandroidampm.txt")
    assert pm[35].time == datetime(2018, 1, 29, 23, 59)  # "23:59 PM"


def test_zip_with_macosx_entry_reads_the_chat() -> None:
    zipped = _parse(
        "sodascience__port-whatsapp-datadonation/data_extractor/tests/data/whatsapp_chat.zip"
    )
    plain = _parse("sodascience__port-whatsapp-datadonation/data_extractor/tests/data/_chat.txt")
    assert zipped == plain


def test_telegram_old_and_new_exports_and_entity_text() -> None:
    messages = _parse("mlomb__chat-analytics/tests/samples/telegram/DM_2A_7M.json")
    assert messages[1].text == "https://google.com 👀"
    assert [m.kind for m in messages] == [
        "system",
        "text",
        "text",
        "text",
        "text",
        "media",
        "media",
        "system",
    ]
    single = _parse("joweich__chat-miner/test/telegram/test_single_export.json")
    assert single[1].text == "Link:https://telegram.org/"


def test_messenger_comes_out_oldest_first() -> None:
    messages = _parse("mlomb__chat-analytics/tests/samples/messenger/2A_7M.json")
    assert [m.time for m in messages] == sorted(m.time for m in messages)
    assert messages[-1].text == "Hello"
