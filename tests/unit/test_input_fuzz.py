"""Property-based fuzzing of the parsers that take user files: answers and backups.

Whatever bytes or JSON arrive, the answer is a parsed value or one ReuniteError with a
sentence — never a crash, never a hang."""

from __future__ import annotations

import contextlib
import json
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reunite import crypto
from reunite.domain.errors import ReuniteError
from reunite.schemas import parse_answers
from reunite.services import Reunite

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=20,
)
answer_keys = st.sampled_from(
    [
        "who_ended",
        "reasons",
        "relationship_months",
        "days_since_breakup",
        "ex_new_partner",
        "ex_asked_no_contact",
        "ex_blocked_me",
        "motives",
        "safety_concern",
        "unknown_key",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(answer_keys, json_values, max_size=8) | json_values)
def test_any_answers_document_parses_or_gets_one_sentence(document: object) -> None:
    try:
        parse_answers(document)
    except ReuniteError as error:
        assert error.message
        assert "\n" not in error.message


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_as_an_encrypted_backup_are_refused_cleanly(blob: bytes) -> None:
    with pytest.raises(ReuniteError):
        crypto.decrypt_blob("a passphrase here", crypto.BLOB_MAGIC + blob)


@pytest.fixture(scope="module")
def core(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path: Path = tmp_path_factory.mktemp("fuzz") / "reunite.db"
    app = Reunite.open(f"sqlite:///{path}")
    yield app
    app.close()


backup_like = st.fixed_dictionaries(
    {
        "format": st.sampled_from(["reunite-backup", "other"]),
        "version": st.sampled_from([1, 2, "1"]),
    },
    optional={
        "tables": st.dictionaries(
            st.sampled_from(["journeys", "events", "journal_entries", "bogus"]),
            st.lists(
                st.dictionaries(
                    st.text(string.ascii_lowercase + "_", max_size=12), json_values, max_size=6
                ),
                max_size=3,
            )
            | json_values,
            max_size=3,
        )
    },
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(backup_like | json_values)
def test_any_backup_document_restores_or_is_refused_whole(core: Reunite, document: object) -> None:
    before = core.counts()
    try:
        core.import_backup(document)
    except ReuniteError as error:
        assert error.message
        assert before == core.counts()


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300))
def test_any_bytes_as_a_backup_file_are_refused_cleanly(core: Reunite, blob: bytes) -> None:
    try:
        data = core.read_backup(blob)
    except ReuniteError:
        return
    with contextlib.suppress(ReuniteError):
        core.import_backup(data)
    json.dumps(data)
