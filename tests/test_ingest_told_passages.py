"""Work stories kept inside containers no reader was written for, written to disk and read by the real ingester.

A garden's planting log and a wine cellar's inventory each carry work cases in one free-text field of their
records, under a banner and rows of fields. Whatever the container, a first-person case told in that field is a
story, named by the record's banner (its quoted or wordiest part), not by a row of fields; the container's own
entries (a planting note, a tasting note), its plan for next year and its questions are not stories.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths

RULE = "~" * 70

PLANTING_LOG = "\n".join(
    [
        "ALLOTMENT 14B - planting log (typed from the shed notebook; the odd work story is in here too)",
        "",
        RULE,
        "BED 2 | 2026-03-08 | broad beans | Soil: heavy, wet",
        "Sown: 2 rows, 40 seeds   Cover: fleece",
        "Journal: mice took a dozen again. try the tin-can trick.",
        RULE,
        "BED 4 | 2025-11-02 | 'The supplier who went quiet' | Soil: -",
        "Sown: -   Cover: -",
        "Journal: Our label-printing vendor stopped answering tickets two weeks before peak season, and every parcel",
        "we shipped needed one of their labels. I pulled the contract and found we had an exit clause nobody had read,",
        "then I set up a second carrier's label service in four days with two engineers while I kept the old vendor",
        "on a daily call. We switched over on a Sunday night with a fallback to the old service. Peak went out with",
        "no missed parcels, and we now keep two label providers live, each tested weekly.",
        RULE,
        "BED 5 | 2025-09-14 | 'Pairing with the night shift' | Soil: dry",
        "Sown: -   Cover: -",
        "Journal: The warehouse night shift kept reopening the same bugs in our scanner app and the day team",
        "thought they were misusing it. I spent three nights on the floor with them and saw that the scanners",
        "dropped their connection in the cold store, so we added offline queueing and a sync badge. Reopened",
        "bugs fell from about thirty a month to four, and the night lead now joins our sprint review.",
        RULE,
        "NEXT YEAR",
        "Journal: rotate the brassicas to bed 3, get a proper water butt, ask the committee about the hedge.",
        "",
        "QUESTIONS FOR THEM (the interviewers)",
        "- how do you decide which incidents get a written review and who reads them?",
        "- what does the on-call rota look like for the platform team today?",
        "",
    ]
)

CELLAR = "\n".join(
    [
        "Cellar inventory - export (bottles + a few work notes under a made-up 'producer')",
        "",
        "=" * 60,
        "Domaine Vasseur - Clos des Ardoises",
        "Vintage: 2019 | Region: Loire | Bottles: 3 | Rack: B2",
        "Tasting note: flinty, still tight, give it three more years. Lovely with goat's cheese.",
        "=" * 60,
        "Bram's Workshop - The Quarterly Forecast Rewrite",
        "Vintage: 2024 | Region: work | Bottles: - | Rack: interview",
        "Tasting note: Our weekly demand forecast was a spreadsheet that one analyst rebuilt by hand every Monday,",
        "and when she went on leave the buyers ordered blind for three weeks. I proposed replacing it with a small",
        "pipeline, wrote the first version myself over a month, and paired with her on the checks she used to do",
        "by eye. We ran both side by side for six weeks before switching. Forecast error dropped by a fifth and",
        "Monday mornings went from four hours of copying to a ten-minute review.",
        "",
    ]
)


def _stories(tmp_path: Path, name: str, text: str) -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [s for s in ingest_paths([path]).stories if s.kind != "reference"]


def test_a_case_told_in_a_log_field_is_a_story_named_by_its_banner(tmp_path: Path) -> None:
    stories = _stories(tmp_path, "allotment 14B planting log.txt", PLANTING_LOG)
    titles = [s.title for s in stories]
    supplier = [s for s in stories if "supplier who went quiet" in s.title.lower()]
    assert supplier, titles
    assert "exit clause" in supplier[0].text and "two label providers" in supplier[0].text
    assert supplier[0].line == 8  # the banner line, where the reader looks for it
    assert any("night shift" in t.lower() for t in titles), titles


def test_the_containers_own_entries_plans_and_questions_stay_out(tmp_path: Path) -> None:
    stories = _stories(tmp_path, "allotment 14B planting log.txt", PLANTING_LOG)
    texts = " ".join(s.text for s in stories)
    assert "tin-can trick" not in texts and "water butt" not in texts and "on-call rota" not in texts
    assert len(stories) == 2, [s.title for s in stories]


def test_a_story_found_under_a_row_of_fields_is_named_by_the_record_above(tmp_path: Path) -> None:
    stories = _stories(tmp_path, "cellar inventory export.txt", CELLAR)
    forecast = [s for s in stories if "spreadsheet" in s.text]
    assert len(forecast) == 1, [s.title for s in stories]
    assert "Forecast Rewrite" in forecast[0].title
    assert forecast[0].line == 8
    assert not any("goat" in s.text for s in stories)


TAGGED = "\n".join(
    [
        "cheese room export v2 -- batches (fields are <NAME:length>value)",
        "<EOH>",
        "",
        "<BATCH:3>041 <MILK:4>2020 <STYLE:9>Caerphill <LABEL:5>plain <NOTE:34>curd too soft, cut smaller next time",
        "<EOR>",
        "",
        "<BATCH:3>042 <MILK:1>0 <STYLE:1>- <LABEL:44>WORK - the billing cutover that slipped a week <NOTE:610>"
        "We had promised finance the new billing system would go live on the first of the month, and ten days before "
        "it I found that the old system rounded tax per line while ours rounded per invoice. I stopped the cutover, "
        "told the finance director myself that we would be a week late and why, and paired with the billing analyst "
        "to replay three months of invoices through both systems until every total matched. We went live seven days "
        "late with no customer seeing a wrong bill, and the replay now runs before every billing release.",
        "<EOR>",
        "",
        "<BATCH:3>043 <MILK:1>0 <STYLE:1>- <LABEL:38>WORK - handing the on-call rota over <NOTE:520>"
        "For two years I was the only engineer who could restart the payments queue, so every incident waited for "
        "me, including one on my wedding weekend. I wrote the runbook from my shell history, ran four game days in "
        "which I only watched, and let a different engineer lead each real incident for a quarter while I stayed "
        "on the call muted. By the end of that quarter five people had restarted the queue on their own, our time "
        "to recover fell from fifty minutes to twelve, and I took a full week off without a page.",
        "<EOR>",
        "",
    ]
)

SAMPLES = "\n".join(
    [
        "Soil lab - sample register (copied out; two of these are work notes, not samples)",
        "",
        "-" * 50,
        "Sample K-2231",
        "Site: north field, plot 3",
        "Depth: 20 cm",
        "Remarks: clay, pH 6.1, low in potassium. resample in spring.",
        "",
        "-" * 50,
        "Sample K-2240",
        "Site: WORK - the vendor who changed the schema overnight",
        "Depth: -",
        "Remarks:",
        "A supplier renamed two columns in their nightly file without telling anyone, and our stock report showed",
        "zero for four hundred products the next morning. I traced it to the file within the hour, patched the loader",
        "to accept both names, and then I sat down with their integration lead to agree a contract: a schema file",
        "next to the data and a week's notice for changes. We added a check that fails loudly on an unknown column.",
        "Since then we have had two schema changes from them, both announced, and no empty report.",
        "",
    ]
)


def test_a_tagged_records_case_is_named_by_its_wordiest_field(tmp_path: Path) -> None:
    stories = _stories(tmp_path, "cheese room export.txt", TAGGED)
    billing = [s for s in stories if "billing cutover" in s.title]
    assert billing and "replay" in billing[0].text, [s.title for s in stories]
    assert any("on-call rota" in s.title for s in stories), [s.title for s in stories]
    assert not any("curd" in s.text for s in stories)


def test_a_record_its_banner_only_numbers_is_named_by_its_wordiest_field(tmp_path: Path) -> None:
    stories = _stories(tmp_path, "soil lab register.txt", SAMPLES)
    vendor = [s for s in stories if "schema file" in s.text]
    assert len(vendor) == 1, [s.title for s in stories]
    assert "changed the schema overnight" in vendor[0].title
    assert not any("potassium" in s.text for s in stories)


def test_a_radio_logbook_export_is_read_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "station log.adi").write_text(TAGGED, encoding="utf-8")
    stories = [s for s in ingest_paths([tmp_path]).stories if s.kind != "reference"]
    assert any("billing cutover" in s.title for s in stories), [s.title for s in stories]
