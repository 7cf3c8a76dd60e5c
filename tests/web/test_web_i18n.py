"""English as the second UI language: the planning and report pages in English, Vietnamese for
every new visitor, the core's sentences kept Vietnamese, and catalogues that are complete and
compiled (a .mo that no longer says what its .po says fails here)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.test import Client
from django.utils import translation

from chitieu.web.catalogues import compile_po, po_files, stale
from chitieu.web.core_labels import CHOICES, LABEL_ENUMS, LABELS, target_choice_labels
from chitieu.web.csp import INLINE_HANDLERS
from chitieu.web.demo import DEMO_PASSWORD, do_load_demo
from chitieu.web.demo_planning import TERM_NUMBER
from chitieu.web.models import Resolution
from chitieu.web.planning.models import Task

WEB = Path(__file__).resolve().parents[2] / "src" / "chitieu" / "web"
VIETNAMESE = re.compile(
    r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I
)
# The product's name, shown as is in both languages.
NOT_TRANSLATED = {"Chỉ tiêu"}


def _english_client(username: str = "cailay.bientap") -> Client:
    client = Client()
    assert client.login(username=username, password=DEMO_PASSWORD)
    assert client.post("/i18n/setlang/", {"language": "en", "next": "/"}).status_code == 302
    return client


@pytest.mark.django_db
def test_the_planning_pages_speak_english_once_chosen_and_keep_the_core_sentences() -> None:
    do_load_demo()
    client = _english_client()
    term = Resolution.objects.get(number=TERM_NUMBER)
    page = client.get(f"/ke-hoach/nghi-quyet/{term.pk}/nhiem-ky/").content.decode()
    assert 'lang="en"' in page
    assert "Progress of the term targets 2020–2025" in page
    assert "Needed/remaining year" in page and "Average yearly growth" in page
    assert ">on track<" in page and ">at risk<" in page and ">off track<" in page
    # The summary sentence is the core's wording: Vietnamese in both languages.
    assert "2/4 chỉ tiêu nhiệm kỳ đúng tiến độ" in page
    # Numbers keep the Vietnamese format.
    assert "1.700 lao động" in page

    tasks = client.get(f"/ke-hoach/nghi-quyet/{term.pk}/nhiem-vu/").content.decode()
    assert "Tasks, solutions, breakthrough programmes, key projects" in tasks
    assert "Breakthrough programme" in tasks and ">Overdue<" in tasks and "Add a task" in tasks
    assert "Deadline (empty: ongoing)" in tasks  # a form label
    task = Task.objects.get(resolution=term, code="ĐP1")
    detail = client.get(f"/ke-hoach/nhiem-vu/{task.pk}/").content.decode()
    assert "Progress updates" in detail and "Entered by" in detail

    r2024 = Resolution.objects.get(number="DEMO-CL-2024")
    dashboard = client.get(f"/nghi-quyet/{r2024.pk}/").content.decode()
    assert "Year-end forecast: 1 target at risk of being missed" in dashboard
    assert "Annual resolution" in dashboard and "Not assessed" in dashboard
    assert "Reporting calendar" in dashboard
    calendar = client.get(f"/ke-hoach/nghi-quyet/{r2024.pk}/lich-bao-cao/").content.decode()
    assert "All reporting duties" in calendar and "Whole year – day 15" in calendar


@pytest.mark.django_db
def test_the_report_page_and_a_message_speak_english() -> None:
    do_load_demo()
    client = _english_client()
    r2024 = Resolution.objects.get(number="DEMO-CL-2024")
    report = client.get(f"/nghi-quyet/{r2024.pk}/bao-cao/").content.decode()
    assert "Report on the targets" in report and "Preview (HTML)" in report
    target = r2024.targets.get(name="tạo việc làm mới")
    response = client.post(
        f"/ke-hoach/chi-tieu/{target.pk}/cach-cong/", {"accumulation": "flow"}, follow=True
    )
    assert "How the year&#x27;s figures add up was saved." in response.content.decode()


@pytest.mark.django_db
def test_the_target_form_offers_its_choices_in_english() -> None:
    do_load_demo()
    r2024 = Resolution.objects.get(number="DEMO-CL-2024")
    page = _english_client().get(f"/nghi-quyet/{r2024.pk}/chi-tieu/moi/").content.decode()
    assert ">Economy</option>" in page and ">≥ (at least)</option>" in page
    assert ">lower is better</option>" in page and ">Kinh tế</option>" not in page


@pytest.mark.django_db
def test_a_new_visitor_gets_vietnamese_even_after_another_chose_english() -> None:
    do_load_demo()
    _english_client()
    public = Resolution.objects.get(number="DEMO-KT-2019")
    page = (
        Client()
        .get(f"/nghi-quyet/{public.pk}/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
        .content.decode()
    )
    assert 'lang="vi"' in page and "Chỉ tiêu đề ra" in page and "Target set" not in page
    viewer = Client()
    assert viewer.login(username="cailay.xem", password=DEMO_PASSWORD)
    term = Resolution.objects.get(number=TERM_NUMBER)
    tasks = viewer.get(f"/ke-hoach/nghi-quyet/{term.pk}/nhiem-vu/").content.decode()
    assert "Quá hạn" in tasks and "Overdue" not in tasks


def test_every_catalogue_is_complete_and_its_mo_is_compiled_from_it() -> None:
    paths = po_files(WEB)
    assert WEB / "locale" / "en" / "LC_MESSAGES" / "django.po" in paths
    for path in paths:
        with path.open("rb") as f:
            catalog = read_po(f)
        missing = [
            m.id
            for m in catalog
            if m.id
            and (m.fuzzy or not all(m.string if isinstance(m.string, tuple) else (m.string,)))
        ]
        assert missing == [], f"{path}: untranslated or fuzzy entries"
        assert stale(path) == [], f"{path}: run python -m chitieu.web.catalogues"


def test_a_changed_translation_makes_the_mo_stale_until_it_is_compiled(tmp_path: Path) -> None:
    source = WEB / "locale" / "en" / "LC_MESSAGES" / "django.po"
    po = tmp_path / "django.po"
    shutil.copy(source, po)
    shutil.copy(source.with_suffix(".mo"), po.with_suffix(".mo"))
    assert stale(po) == []
    text = po.read_text(encoding="utf-8")
    assert 'msgstr "Log out"' in text
    po.write_text(text.replace('msgstr "Log out"', 'msgstr "Sign out"'), encoding="utf-8")
    assert stale(po) == ["Đăng xuất"]
    compile_po(po)
    assert stale(po) == []


def test_every_label_of_the_core_and_of_the_choices_has_an_english_translation() -> None:
    labels = [m.label_vi for enum in LABEL_ENUMS for m in enum]  # type: ignore[attr-defined]
    labels += [str(label) for choices in CHOICES for label in choices.labels]  # type: ignore[attr-defined]
    labels += target_choice_labels()
    assert set(labels) <= set(LABELS)
    with translation.override("en"):
        untranslated = [label for label in labels if translation.gettext(label) == label]
    assert untranslated == []


def test_no_template_has_vietnamese_text_outside_a_translation_tag() -> None:
    found = []
    for path in sorted(WEB.glob("**/templates/**/*.html")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"{%\s*blocktranslate.*?endblocktranslate\s*%}", "", text, flags=re.S)
        text = re.sub(r"{%\s*translate\s.*?%}", "", text, flags=re.S)
        text = re.sub(r"<style.*?</style>|{#.*?#}", "", text, flags=re.S)
        # An inline handler is allowed by the hash of its exact text (chitieu.web.csp): it
        # cannot change with the language until the policy lists each language's hash.
        for handler in INLINE_HANDLERS:
            text = text.replace(handler, "")
        for name in NOT_TRANSLATED:
            text = text.replace(f">{name}<", "><").replace(f"– {name}<", "<")
        found += [
            f"{path.name}: {line.strip()}" for line in text.splitlines() if VIETNAMESE.search(line)
        ]
    assert found == []
