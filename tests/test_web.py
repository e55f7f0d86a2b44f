"""``lawcheck serve`` through Starlette's test client: pages, the SPEC §8 JSON API, CSRF, upload
limits, located errors as pages, privacy, and the Khmer catalogue. The browser tests are in
test_web_browser.py."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from lawcheck.web import create_app  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
POSTS = ("The corrupt CPP government must go.\n\n"
         "Join our march to the Royal Palace tomorrow at 8 am.\n\n"
         "Our health workers trained 40 village volunteers in Kampot this week.")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    with TestClient(create_app(db=db)) as c:
        c.get("/")  # sets the CSRF cookie
        yield c


def token(client) -> str:
    return client.cookies.get("lawcheck_csrf")


def upload(client, path: Path, **fields):
    with path.open("rb") as fh:
        return client.post("/check", data={"csrf": token(client), **fields},
                           files={"plan": (path.name, fh.read(), "application/octet-stream")})


@pytest.mark.parametrize("path", ["/", "/check", "/review", "/calendar", "/history", "/laws",
                                  "/laws?q=working+days", "/laws/kh/lango-2015",
                                  "/laws/kh/lango-2015/art-10", "/rules",
                                  "/rules/kh.change.not-notified"])
def test_every_page_renders_and_stays_on_this_machine(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "Content-Security-Policy" in response.headers
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    # no asset, script or link leaves the machine
    assert not re.search(r'(src|href)="(https?:)?//', response.text)


def test_health():
    with TestClient(create_app()) as c:
        assert c.get("/api/health").json() == {"status": "ok"}


def test_check_upload_gives_the_report_and_every_download(client):
    response = upload(client, EXAMPLES / "land-forum.yaml", as_of="2026-12-01")
    assert response.status_code == 200
    page = response.text
    assert "Compliance check: land-forum.yaml" in page
    assert "Provincial forum on land titles" in page
    assert "How this was computed" in page  # the arithmetic sits behind a disclosure
    assert "land-forum.yaml" in page and "lawcheck-web-" not in page  # no temporary path
    found = re.search(r"/check/([\w-]+)/report\.ics", page)
    assert found
    for fmt, sign in (("html", "<!DOCTYPE html>"), ("md", "# "), ("json", '"findings"'),
                      ("ics", "BEGIN:VCALENDAR")):
        download = client.get(f"/check/{found.group(1)}/report.{fmt}")
        assert download.status_code == 200, fmt
        assert sign in download.text, fmt
        assert "attachment" in download.headers["content-disposition"]
    report = json.loads(client.get(f"/check/{found.group(1)}/report.json").text)
    assert report["subject"]["source"] == "land-forum.yaml"
    assert report["findings"] and report["as_of"] == "2026-12-01"


def test_the_page_shows_each_finding_as_the_written_report_does(client):
    # one finding template for both: the page once dropped the citations' confidence marks
    # ("uncertain" beside an article number) and the facts the rule matched. The two escape
    # apostrophes differently (report.templating), so the text is compared unescaped.
    from html import unescape

    page = upload(client, EXAMPLES / "land-forum.yaml", as_of="2026-12-01").text
    run = re.search(r"/check/([\w-]+)/report\.html", page).group(1)
    written = client.get(f"/check/{run}/report.html").text

    def marks(html):
        return [unescape(m) for m in re.findall(r'<span class="mark">\(([^)]*)\)</span>', html)]

    def said(html):
        return [unescape(m) for m in
                re.findall(r"<dt>Your plan says</dt>\s*<dd>([^<]*)</dd>", html)]

    assert marks(written) and marks(page) == marks(written)
    # each risk in plain words first ("High: the Ministry may suspend ..."), not a bare score
    levels = [unescape(m) for m in re.findall(r'<p class="level">([^<]*)</p>', written)]
    assert levels and [unescape(m) for m in
                       re.findall(r'<p class="level">([^<]*)</p>', page)] == levels
    assert said(written) and said(page) == said(written)
    assert page.count('<article class="finding"') == written.count('<article class="finding"')
    assert '<a href="/rules/kh.' in page and '<a href="/rules/' not in written


def test_the_report_opens_with_what_is_overdue_and_due_with_dates(client):
    page = upload(client, EXAMPLES / "land-forum.yaml", as_of="2026-12-01").text
    act = page.index('id="act-by"')
    assert page.index("<h1>Compliance check") < act < page.index("<h2>Summary</h2>")
    section = page[act:page.index("</section>", act)]
    # the change of leader of 20 October 2026, 15 days to notify: overdue since 4 November
    assert "Overdue" in section and "change of leader" in section
    assert "4 November 2026" in section
    overdue_part = section[:section.index("Due in the next 30 days")] \
        if "Due in the next 30 days" in section else section
    assert "change of leader" in overdue_part


def test_check_csv_plan_with_its_organisation_file(client):
    with (EXAMPLES / "land-forum-activities.csv").open("rb") as plan, \
            (EXAMPLES / "land-org.yaml").open("rb") as org:
        response = client.post("/check", data={"csrf": token(client), "as_of": "2026-12-01"},
                               files={"plan": ("activities.csv", plan.read()),
                                      "org": ("land-org.yaml", org.read())})
    assert response.status_code == 200
    assert "Compliance check: activities.csv" in response.text
    assert "Provincial forum on land titles" in response.text


def test_a_bad_plan_gets_the_located_message_as_a_page_not_a_traceback(client):
    bad = b"organization:\n  name: X\n  type: domestic_ngo\n  colour: red\nactivities: []\n"
    response = client.post("/check", data={"csrf": token(client)},
                           files={"plan": ("my-plan.yaml", bad)})
    assert response.status_code == 400
    assert "my-plan.yaml:4" in response.text  # file and line, as the CLI says it
    assert "colour" in response.text
    assert "Traceback" not in response.text and "lawcheck-web-" not in response.text


def test_a_post_without_the_csrf_token_is_refused(client):
    with (EXAMPLES / "land-forum.yaml").open("rb") as fh:
        response = client.post("/check", files={"plan": ("p.yaml", fh.read())})
    assert response.status_code == 403
    response = client.post("/review", data={"csrf": "forged", "text": "hello"})
    assert response.status_code == 403


def test_a_post_from_another_site_is_refused_even_on_the_api(client):
    response = client.post("/api/review", data={"text": "hello"},
                           headers={"Origin": "http://evil.example"})
    assert response.status_code == 403


def test_an_upload_over_the_limit_is_refused_before_it_is_read(client):
    from lawcheck.web.security import MAX_BODY

    response = client.post("/api/check", content=b"x" * 10,
                           headers={"Content-Length": str(MAX_BODY + 1),
                                    "Content-Type": "multipart/form-data; boundary=x"})
    assert response.status_code == 413
    assert "LC207" in response.text


def test_only_this_machine_names_are_served():
    with TestClient(create_app(), base_url="http://attacker.example") as c:
        assert c.get("/").status_code == 400  # DNS rebinding: a foreign Host is refused


def test_plan_built_in_the_form_is_checked_with_its_rows(client):
    form = {"csrf": token(client), "as_of": "2026-12-01",
            "organization.name": "Kampot Women's Group", "organization.type": "domestic_ngo",
            "organization.sector": "health", "organization.registration.registered": "yes",
            "change.kind": "leader", "change.changed_on": "2026-10-20",
            "activities-0.id": "A1", "activities-0.title": "March for clean water",
            "activities-0.type": "march", "activities-0.start": "2026-12-12T08:00",
            "activities-0.location.province": "Kampot", "activities-0.participants": "300",
            "activities-0.open_to_public": "yes",
            "activities-3.id": "A2", "activities-3.title": "Village training",
            "activities-3.type": "training", "activities-3.start": "2026-12-20",
            "activities-3.participants": "25"}
    response = client.post("/check/form", data=form)
    assert response.status_code == 200, response.text[:2000]
    page = response.text
    assert "Compliance check: form-plan.yaml" in page
    assert "March for clean water" in page and "Village training" in page
    assert "kh.change.not-notified" in page  # the unnotified change of leader is found


def test_form_notice_not_yet_given_and_a_past_warning(client):
    base = {"csrf": token(client), "as_of": "2026-12-01", "organization.name": "X",
            "organization.type": "domestic_ngo", "organization.sector": "land_environment",
            "activities-0.id": "M1", "activities-0.title": "March", "activities-0.type": "march",
            "activities-0.start": "2026-12-12T08:00", "activities-0.location.province": "Kandal",
            "activities-0.location.public_space": "yes", "activities-0.participants": "200",
            "activities-0.notified": "not_yet"}
    first = upload_form(client, base)
    # "not yet notified" is the plan's null notice: the missing-notice violation, and no
    # question about a late one (there is no notice to be late)
    assert "<code>kh.assembly.notice.missing</code>" in first
    assert "<code>kh.assembly.notice.late</code>" not in first
    warned = upload_form(client, {**base, "history.date": "2025-05-01",
                                  "history.kind": "warning", "history.by": "Kandal governor"})
    score = lambda page: float(re.search(r'id="risk-prosecution".*?score ([\d.]+)', page,
                                         re.S).group(1))
    assert score(warned) >= score(first)  # a past warning never lowers a risk


def upload_form(client, form: dict) -> str:
    response = client.post("/check/form", data=form)
    assert response.status_code == 200, response.text[-3000:]
    return response.text


def test_a_form_plan_with_a_mistake_shows_the_message_and_the_plan_it_made(client):
    form = {"csrf": token(client), "organization.name": "X", "organization.type":
            "domestic_ngo", "activities-0.id": "A1", "activities-0.type": "march",
            "activities-0.start": "2026-13-45"}
    response = client.post("/check/form", data=form)
    assert response.status_code == 400
    assert "form-plan.yaml:" in response.text and "2026-13-45" in response.text


def test_review_of_pasted_posts_highlights_and_offers_downloads(client):
    response = client.post("/review", data={"csrf": token(client), "text": POSTS,
                                            "date": "2026-12-01"})
    assert response.status_code == 200
    page = response.text
    assert page.count('class="statement ') == 3
    assert "<mark" in page and "corrupt</mark>" in page
    found = re.search(r"/review/([\w-]+)/review\.csv", page)
    rows = list(csv.DictReader(io.StringIO(
        client.get(f"/review/{found.group(1)}/review.csv").text.lstrip("\ufeff"))))
    assert {r["id"] for r in rows} >= {"P1", "P2"}
    assert all(r["source"] == "pasted statements" for r in rows)
    xlsx = client.get(f"/review/{found.group(1)}/review.xlsx")
    assert xlsx.content[:2] == b"PK"
    assert "<mark" in client.get(f"/review/{found.group(1)}/review.html").text


def test_review_with_the_organisation_file(client):
    with (EXAMPLES / "land-org.yaml").open("rb") as fh:
        response = client.post("/review", data={"csrf": token(client), "text": POSTS,
                                                "date": "2026-12-01"},
                               files={"org": ("land-org.yaml", fh.read())})
    assert response.status_code == 200
    assert "Sre Ampil Land Rights Network" in response.text
    assert "domestic_ngo" in response.text  # the type the duties were judged by
    bad = client.post("/review", data={"csrf": token(client), "text": POSTS},
                      files={"org": ("org.yaml", b"organization:\n  name: X\n  type: ngo\n")})
    assert bad.status_code == 400 and "org.yaml:3" in bad.text


def test_one_statement_per_line(client):
    response = client.post("/review", data={"csrf": token(client), "split": "line",
                                            "text": "first post\nsecond post\nthird post"})
    assert response.text.count('class="statement ') == 3


def test_a_clean_statement_that_names_the_king_says_so_on_the_page(client):
    response = client.post("/review", data={"csrf": token(client), "split": "line", "text":
                                            "His Majesty the King presided over the water festival."
                                            "\nWe thank our donors for the bookkeeping course."})
    assert response.status_code == 200
    assert response.text.count('class="statement ') == 2
    # one subject line, for the statement that names the King, none for the routine one
    assert response.text.count("? It names the King: statements on these subjects") == 1
    assert response.text.count("? It names") == 1


def test_a_sheet_without_id_and_text_asks_which_columns_with_a_guess(client):
    sheet = "No,Page,Post text\n1,main,The corrupt CPP government must go.\n2,main,Hello\n"
    response = client.post("/review", data={"csrf": token(client)},
                           files={"statements": ("posts.csv", sheet.encode())})
    assert response.status_code == 200
    page = response.text
    assert 'name="upload_token"' in page
    assert re.search(r'<option value="Post text" selected>', page)  # the did-you-mean
    assert re.search(r'<option value="No" selected>', page)
    kept = re.search(r'name="upload_token" value="([^"]+)"', page).group(1)
    response = client.post("/review", data={"csrf": token(client), "upload_token": kept,
                                            "text_column": "Post text", "id_column": "No"})
    assert response.status_code == 200
    assert response.text.count('class="statement ') == 2
    assert "corrupt</mark>" in response.text


def test_api_check_and_review_answer_json(client):
    with (EXAMPLES / "land-forum.yaml").open("rb") as fh:
        report = client.post("/api/check", data={"as_of": "2026-12-01"},
                             files={"plan": ("land-forum.yaml", fh.read())}).json()
    assert report["subject"] == {**report["subject"], "kind": "plan",
                                 "source": "land-forum.yaml"}
    assert report["risk"]["deregistration"]["level"] in ("high", "critical")
    reports = client.post("/api/review", data={"text": POSTS, "date": "2026-12-01"}).json()
    assert len(reports) == 3 and reports[0]["subject"]["kind"] == "statement"
    assert reports[0]["findings"]
    with (EXAMPLES / "statements.csv").open("rb") as fh:
        batch = client.post("/api/review", files={"statements": ("s.csv", fh.read())}).json()
    assert len(batch) > 3


def test_api_errors_are_located_json_with_a_4xx(client):
    response = client.post("/api/check", files={"plan": ("plan.txt", b"hello")})
    assert 400 <= response.status_code < 500
    assert "plan.txt" in response.json()["error"]
    response = client.post("/api/review", data={"text": "  "})
    assert response.status_code == 400 and "LC263" in response.json()["error"]


def test_runs_are_recorded_without_the_words(client):
    client.post("/review", data={"csrf": token(client), "text": "A unique sentence 4711."})
    page = client.get("/history").text
    runs = re.findall(r'href="/history/([\w-]+)"', page)
    assert runs
    assert "lawcheck-web-" not in page  # the file's name, not the request's temporary folder
    shown = client.get(f"/history/{runs[0]}").text
    assert "4711" not in shown  # only hashes and findings are kept without --keep-text
    upload(client, EXAMPLES / "health-training.yaml", as_of="2026-12-01")
    page = client.get("/history").text
    plan_runs = re.findall(r'<a href="/history/([\w-]+)">[^<]*</a></td><td>[^<]*</td>'
                           r'<td>[^<]*</td><td>plan: health-training.yaml', page)
    assert plan_runs
    again = client.get(f"/history/{plan_runs[0]}")
    assert again.status_code == 200 and "Compliance check:" in again.text


def test_language_switch_to_khmer_and_back(client):
    response = client.get("/lang/km?next=/review", follow_redirects=True)
    assert response.status_code == 200
    assert 'lang="km"' in response.text and "ពិនិត្យសេចក្តីថ្លែងការណ៍" in response.text
    assert client.get("/lang/en?next=//evil.example", follow_redirects=False) \
        .headers["location"] == "/"
    assert "Screen statements" in client.get("/review").text


def test_every_interface_string_has_a_khmer_translation():
    from babel.messages.extract import extract_from_dir

    from lawcheck.web.i18n import catalog_entries

    khmer = dict(catalog_entries("km"))
    root = Path(__file__).resolve().parents[1] / "lawcheck"
    method_map = [("web/**.py", "python"), ("report/templates/**.html", "jinja2")]
    found = {m[2] for m in extract_from_dir(str(root), method_map, keywords={"_": None,
                                                                            "gettext": (2,)})}
    found = {m if isinstance(m, str) else m[0] for m in found}
    # the form's help comes from the plan schema (one source), and yes/no label its choices
    from lawcheck.web import forms

    found |= {f.help for f in forms.org_fields() + forms.change_fields()
              + forms.history_fields() + forms.activity_fields()} | {"yes", "no"}
    assert found, "no interface strings found"
    missing = sorted(m for m in found if not khmer.get(m))
    assert not missing, f"add Khmer for: {missing}"
    # Khmer script, not English copied over
    assert all(re.search("[\u1780-\u17ff]", khmer[m]) for m in found)


def test_serve_refuses_nothing_on_loopback_and_warns_elsewhere(monkeypatch):
    import uvicorn
    from click.testing import CliRunner

    from lawcheck.cli import cli

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(kw))
    result = CliRunner().invoke(cli, ["serve", "--port", "8799"])
    assert result.exit_code == 0 and started["host"] == "127.0.0.1"
    assert "warning" not in result.output
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 0 and "warning: listening on 0.0.0.0" in result.output


def test_review_cli_says_which_header_probably_holds_the_text(tmp_path):
    from click.testing import CliRunner

    from lawcheck.cli import cli

    sheet = tmp_path / "posts.csv"
    sheet.write_text("No,Page,Post text\n1,main,hello\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["review", str(sheet)])
    assert result.exit_code == 2
    assert "did you mean 'No' for 'id' and 'Post text' for 'text'?" in result.output
    plain = tmp_path / "plain.csv"
    plain.write_text("a,b\n1,hello\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["review", str(plain)])
    assert result.exit_code == 2 and "did you mean" not in result.output


def test_the_web_page_opens_no_network_connection(monkeypatch, tmp_path):
    """The test client talks to the application in-process: any socket the pages, the API, a
    check or a review open is lawcheck's own, and is refused here (SPEC §1)."""
    import socket

    tried = []

    def refuse(*args, **kwargs):
        tried.append(args)
        raise OSError("lawcheck tried the network")

    real_connect = socket.socket.connect
    monkeypatch.setattr(socket.socket, "connect", lambda s, a: real_connect(s, a)
                        if s.family == getattr(socket, "AF_UNIX", None) else refuse(a))
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    with TestClient(create_app(db=f"sqlite:///{tmp_path / 'w.db'}")) as c:
        c.get("/")
        for path in ("/", "/check", "/review", "/calendar", "/history", "/laws?q=notice",
                     "/rules"):
            assert c.get(path).status_code == 200
        assert upload(c, EXAMPLES / "land-forum.yaml").status_code == 200
        assert c.post("/review", data={"csrf": token(c), "text": POSTS}).status_code == 200
    assert tried == []


def test_uploads_leave_nothing_on_disk(tmp_path):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    with TestClient(create_app(db=f"sqlite:///{tmp_path / 'w.db'}", scratch=str(scratch))) as c:
        c.get("/")
        upload(c, EXAMPLES / "land-forum.yaml")
        c.post("/review", data={"csrf": token(c), "text": POSTS})
        c.post("/check", data={"csrf": token(c)}, files={"plan": ("bad.yaml", b"x: [")})
        sheet = b"No,Post text\n1,hello\n"
        c.post("/review", data={"csrf": token(c)}, files={"statements": ("s.csv", sheet)})
    assert list(scratch.iterdir()) == []  # each request's folder is gone with it


def test_a_file_over_the_workbook_limit_is_refused_with_its_name(client):
    from lawcheck import limits

    big = b"0" * (limits.XLSX_BYTES + 1)
    response = client.post("/api/check", files={"plan": ("huge.xlsx", big)})
    assert response.status_code == 400
    assert "LC207" in response.json()["error"] and "huge.xlsx" in response.json()["error"]


def test_an_xlsx_sheet_is_mapped_too(client, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Message", "Likes"])
    sheet.append(["FB-1", "The governor is a thief and a liar.", 12])
    sheet.append(["FB-2", "Thank you to the health department.", 3])
    path = tmp_path / "facebook.xlsx"
    book.save(path)
    first = client.post("/review", data={"csrf": token(client), "date": "2026-12-01"},
                        files={"statements": ("facebook.xlsx", path.read_bytes())})
    assert re.search(r'<option value="Message" selected>', first.text)
    assert re.search(r'<option value="Ref" selected>', first.text)
    kept = re.search(r'name="upload_token" value="([^"]+)"', first.text).group(1)
    result = client.post("/review", data={"csrf": token(client), "upload_token": kept,
                                          "text_column": "Message", "id_column": "Ref",
                                          "date": "2026-12-01"})
    assert result.status_code == 200
    assert "FB-1" in result.text and "FB-2" in result.text and "<mark" in result.text
    again = client.post("/review", data={"csrf": token(client), "upload_token": kept,
                                         "text_column": "Message", "id_column": "Ref"})
    assert again.status_code == 400 and "LC282" in again.text  # used once, then dropped


def test_text_lawcheck_cannot_read_is_never_shown_as_clean(client):
    """A wrong 'clean' is the worst defect: a statement in a script the analyser does not read
    (here Thai) is NOT SCREENED on the page, a two-language one PARTLY SCREENED, never 'No
    findings'."""
    thai = "ขอเชิญทุกคนร่วมชุมนุมหน้ารัฐสภาวันจันทร์นี้"
    mixed = "We will meet on Monday. " + thai
    response = client.post("/review", data={"csrf": token(client),
                                            "text": f"{thai}\n\n{mixed}"})
    page = response.text
    statements = re.findall(r'<article class="statement.*?</article>', page, re.S)
    assert len(statements) == 2
    assert "NOT SCREENED" in statements[0] and "PARTLY SCREENED" in statements[1]
    for item in statements:
        assert "No findings" not in item
        assert 'class="unread"' in item  # the unread words are marked as such
    assert 'data-level="unscreened"' in statements[0]
    assert "not fully screened" in page


def test_calendar_of_an_uploaded_organisation(client):
    with (EXAMPLES / "land-org.yaml").open("rb") as fh:
        response = client.post("/calendar", data={"csrf": token(client), "as_of": "2026-12-01"},
                               files={"org": ("land-org.yaml", fh.read())})
    assert response.status_code == 200
    assert "Notice of the change of leader" in response.text
    assert 'class="status-overdue"' in response.text
    ics = re.search(r'href="(/check/[\w-]+/report\.ics)"', response.text).group(1)
    events = client.get(ics).text.split("BEGIN:VEVENT")[1:]
    due = [e for e in events if "CATEGORIES:DUE" in e]
    overdue = [e for e in events if "CATEGORIES:OVERDUE" in e]
    assert due and overdue
    assert all("BEGIN:VALARM" in e and "TRIGGER:-P7D" in e for e in due)  # a week ahead
    assert all("BEGIN:VALARM" not in e for e in overdue)


def test_unknown_rule_or_law_is_a_located_404(client):
    response = client.get("/rules/kh.no-such-rule")
    assert response.status_code == 404 and "LC" in response.text
    assert client.get("/laws/kh/no-such-law").status_code == 404
