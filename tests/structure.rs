//! The structure and duplicate stages end to end: page furniture, paragraphs, hyphenation,
//! list markers, dashes and the repeated section. Whole documents are fixtures in
//! `tests/fixtures/structure/` (input `NAME.txt`, expected output `NAME.clean.txt`); single
//! behaviours are one-line cases. Word repair is off, so the cases pin only these stages.

use putsa::{apply, Cleaned, Cleaner, EditKind, Lexicon, Options};

fn options() -> Options {
    let mut o = Options::default();
    o.words = false;
    o
}

fn clean_with(input: &str, options: Options) -> Cleaned {
    let cleaned = Cleaner::with(Lexicon::embedded(), options).clean(input);
    // The report replays to the output, whatever the case asserts.
    assert_eq!(
        apply(input, &cleaned.edits),
        cleaned.text,
        "replaying the edits must give the output"
    );
    cleaned
}

fn clean(input: &str) -> Cleaned {
    clean_with(input, options())
}

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/structure/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The fixture `name`.txt cleans to `name`.clean.txt.
#[track_caller]
fn assert_fixture(name: &str) -> (String, Cleaned) {
    let input = fixture(&format!("{name}.txt"));
    let cleaned = clean(&input);
    assert_eq!(
        cleaned.text,
        fixture(&format!("{name}.clean.txt")),
        "fixture {name}"
    );
    (input, cleaned)
}

#[track_caller]
fn assert_clean(input: &str, expected: &str) {
    assert_eq!(clean(input).text, expected, "input {input:?}");
}

/// The lines removed as furniture, as they read in the input.
fn furniture(cleaned: &Cleaned) -> Vec<&str> {
    cleaned
        .edits
        .iter()
        .filter(|e| e.kind == EditKind::Furniture)
        .map(|e| e.before.trim())
        .collect()
}

// --- whole documents ---------------------------------------------------------------------

#[test]
fn protocol_cleans_to_its_expected_text() {
    assert_fixture("protocol");
}

#[test]
fn repeated_section_cleans_to_its_expected_text() {
    assert_fixture("repeated");
}

#[test]
fn text_without_form_feeds_cleans_to_its_expected_text() {
    assert_fixture("no_form_feeds");
}

// --- furniture ---------------------------------------------------------------------------

#[test]
fn running_footers_are_removed_despite_ocr_noise_and_recorded_with_their_lines() {
    let (input, cleaned) = assert_fixture("protocol");
    let footers: Vec<_> = cleaned
        .edits
        .iter()
        .filter(|e| e.kind == EditKind::Furniture && e.before.starts_with("Justerandes"))
        .collect();
    assert_eq!(footers.len(), 3, "one footer per page: {footers:#?}");
    for e in footers {
        assert_eq!(
            &input[e.span.start..e.span.end],
            e.before,
            "the span is the input's text"
        );
        assert!(
            e.before.ends_with('\n'),
            "the whole line with its line break: {:?}",
            e.before
        );
        assert!(e.after.is_empty());
        assert!(!e.reason.is_empty());
    }
    assert!(
        furniture(&cleaned).contains(&"Justerandes sigu Utdragsbestyrkande"),
        "the misread copy too"
    );
}

#[test]
fn running_headers_with_page_numbers_are_removed_on_every_page() {
    let (_, cleaned) = assert_fixture("protocol");
    let removed = furniture(&cleaned);
    for header in [
        "Lidkopings kommun PROTOKOLL 1 (3)",
        "Lidkopings kommun PROTOKOLL 2 (3)",
        "Lidkdpings kommun PROTOKOLL 3(3)",
    ] {
        assert!(removed.contains(&header), "{header:?} not in {removed:#?}");
    }
    assert_eq!(
        removed
            .iter()
            .filter(|l| l.starts_with("Tekniska namnden 2022-03-14"))
            .count(),
        3
    );
}

#[test]
fn a_header_like_line_in_the_body_stays() {
    let (_, cleaned) = assert_fixture("protocol");
    // The meeting data under the header repeats the board and the date, once.
    assert!(
        cleaned
            .text
            .starts_with("Tekniska namnden\nSammantradesdatum 2022-03-14\n"),
        "{}",
        cleaned.text
    );
}

#[test]
fn page_numbers_in_swedish_forms_are_removed() {
    for number in [
        "Sida 1 av 2",
        "Sida 1(2)",
        "1 (2)",
        "1(2)",
        "- 1 -",
        "1",
        "Sid 1",
    ] {
        let input = format!("Nämnden beslutar att godkänna förvaltningens förslag och\n\n{number}\n\u{c}överlämna det till kommunstyrelsen.\n\n{}\n", number.replace('1', "2"));
        assert_clean(&input, "Nämnden beslutar att godkänna förvaltningens förslag och överlämna det till kommunstyrelsen.\n");
    }
}

#[test]
fn a_contact_footer_at_the_foot_of_the_page_is_removed() {
    assert_clean(
        "Nämnden beslutar enligt förslaget.\n\nkommunen@example.se www.example.se\n",
        "Nämnden beslutar enligt förslaget.\n",
    );
}

#[test]
fn the_letterhead_of_an_attachment_is_removed_on_its_single_page() {
    let (_, cleaned) = assert_fixture("repeated");
    let removed = furniture(&cleaned);
    for line in [
        "Vetlanda kommun TJANSTESKRIVELSE Sida 1(1)",
        "Datum 2023-04-20 Instans Socialnamnden",
        "Vetlanda kommun Postadress 574 80 Vetlanda Besoksadress Stortorget 11",
    ] {
        assert!(removed.contains(&line), "{line:?} not in {removed:#?}");
    }
}

#[test]
fn user_patterns_remove_lines_of_their_own() {
    let mut o = options();
    o.furniture_patterns = vec![r"^Diarieplan \d+$".into()];
    let cleaned = clean_with("Nämnden beslutar enligt förslaget.\n\nDiarieplan 7\n", o);
    assert_eq!(cleaned.text, "Nämnden beslutar enligt förslaget.\n");
    assert_eq!(furniture(&cleaned), ["Diarieplan 7"]);
}

#[test]
fn without_form_feeds_pages_start_with_one_space_and_their_footers_go() {
    let (_, cleaned) = assert_fixture("no_form_feeds");
    let removed = furniture(&cleaned);
    assert_eq!(
        removed
            .iter()
            .filter(|l| l.starts_with("Justerandes signatur"))
            .count(),
        2
    );
    // The board's name printed at the foot of a page, breaking a list.
    assert!(removed.contains(&"Samhallsbyggnadsnamnden"), "{removed:#?}");
    assert!(
        cleaned.text.contains("Samhallsbyggnadsnamnden tillstyrker"),
        "the name in a sentence stays"
    );
}

#[test]
fn recurring_header_rows_go_even_when_the_page_breaks_were_lost() {
    let input = fixture("protocol.txt").replace('\u{c}', "\n");
    let cleaned = clean(&input);
    let removed = furniture(&cleaned);
    for line in [
        "Lidkopings kommun PROTOKOLL 2 (3)",
        "Tekniska namnden 2022-03-14",
        "Justerandes sign Utdragsbestyrkande",
    ] {
        assert!(removed.contains(&line), "{line:?} not in {removed:#?}");
    }
    assert!(
        cleaned
            .text
            .starts_with("Tekniska namnden\nSammantradesdatum 2022-03-14\n"),
        "{}",
        cleaned.text
    );
}

#[test]
fn indented_text_is_not_taken_for_pages() {
    let input = " Ett indraget stycke som fortsätter\npå nästa rad.\n Ett till stycke som\nockså fortsätter.\n Ett tredje stycke.\n";
    let cleaned = clean(input);
    assert!(furniture(&cleaned).is_empty());
}

// --- paragraphs --------------------------------------------------------------------------

#[test]
fn a_paragraph_continues_across_a_page_break_and_a_stray_blank_line() {
    let (_, cleaned) = assert_fixture("protocol");
    assert!(
        cleaned.text.contains("Forvaltningen har tagit fram"),
        "stray blank line in mid-sentence"
    );
    assert!(
        cleaned
            .text
            .contains("och namnden vill att kostnaderna for detta"),
        "page break in mid-sentence"
    );
}

#[test]
fn headings_list_items_and_section_lines_keep_their_own_lines() {
    let (_, cleaned) = assert_fixture("protocol");
    let lines: Vec<&str> = cleaned.text.lines().collect();
    for line in [
        "§ 12 Dnr TN 2022/45",
        "Tekniska namndens beslut",
        "Sammanfattning av arendet",
        "Beslutsunderlag",
        "1. Tjansteskrivelse 2022-02-28",
        "Anna Berg Per Holm",
        "Ordforande Justerare",
    ] {
        assert!(lines.contains(&line), "{line:?} is not a line of its own");
    }
}

#[test]
fn wrapped_lines_are_joined_into_one_line_per_paragraph() {
    assert_clean(
        "Kommunstyrelsen har remitterat ärendet till nämnden för yttrande senast i\nmars. Nämnden ställer sig bakom förslaget.\n\nNästa stycke.\n",
        "Kommunstyrelsen har remitterat ärendet till nämnden för yttrande senast i mars. Nämnden ställer sig bakom förslaget.\n\nNästa stycke.\n",
    );
}

#[test]
fn list_markers_read_by_ocr_become_bullets() {
    assert_clean("Nämnden vill:\n\ne Första punkten.\n\n« Andra punkten.\n\n* Tredje punkten.\n\n+ Fjärde punkten.\n", "Nämnden vill:\n\n• Första punkten.\n\n• Andra punkten.\n\n• Tredje punkten.\n\n• Fjärde punkten.\n");
}

#[test]
fn dash_list_items_keep_the_dash_as_an_en_dash() {
    assert_clean(
        "Nämnden vill:\n\n- Första punkten.\n\n— Andra punkten.\n",
        "Nämnden vill:\n\n– Första punkten.\n\n– Andra punkten.\n",
    );
}

#[test]
fn a_dash_among_bullets_is_a_bullet_ocr_misread() {
    assert_clean(
        "Nämnden vill:\n\n• Första punkten.\n\ne Andra punkten.\n\n- Tredje punkten.\n",
        "Nämnden vill:\n\n• Första punkten.\n\n• Andra punkten.\n\n• Tredje punkten.\n",
    );
    assert_clean("o första punkten.\n", "• första punkten.\n");
    // As many dashes as bullets: OCR reads a bullet as a dash, never a dash as a bullet.
    assert_clean(
        "Nämnden vill:\n\ne Första punkten.\n\n- Andra punkten.\n",
        "Nämnden vill:\n\n• Första punkten.\n\n• Andra punkten.\n",
    );
}

#[test]
fn lines_kept_as_they_are_turn_a_dash_glued_to_a_line_end_into_a_hyphen() {
    let mut o = options();
    o.paragraphs = false;
    o.furniture = false;
    o.dedup = false;
    let out = clean_with("vid höjd bered—\nskap och vid kris.\n", o);
    assert_eq!(out.text, "vid höjd bered-\nskap och vid kris.\n");
}

#[test]
fn a_dash_between_words_becomes_an_en_dash() {
    assert_clean(
        "Information om regeringsbeslut — Uppdrag\n",
        "Information om regeringsbeslut – Uppdrag\n",
    );
    // OCR's double glyphs for one dash.
    assert_clean(
        "Smart industri —- Ta tillvara på digitaliseringen\n",
        "Smart industri – Ta tillvara på digitaliseringen\n",
    );
    assert_clean(
        "Testbädd Sverige -— Skapa värde\n",
        "Testbädd Sverige – Skapa värde\n",
    );
    assert_clean(
        "Strategi för Sverige ~ fler jobb\n",
        "Strategi för Sverige – fler jobb\n",
    );
    // After an abbreviation's period, a printed hyphen (a dash does not follow a period).
    assert_clean(
        "anslag 1:5 utv. - del till KamK\n",
        "anslag 1:5 utv. - del till KamK\n",
    );
    let mut o = options();
    o.dashes = false;
    assert_eq!(
        clean_with("Statens inköp — en översikt\n", o).text,
        "Statens inköp — en översikt\n"
    );
}

/// Swedish writers print a spaced hyphen as often as the en dash: OCR's hyphen there is
/// suggested as a dash, and written as one only at a threshold below its confidence.
#[test]
fn a_spaced_hyphen_between_words_is_suggested_as_a_dash_not_written() {
    let input = "Svar på revisionsrapport - Granskning av integration\n";
    let out = clean(input);
    assert_eq!(out.text, input);
    let s = &out.suggestions;
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!((s[0].before.as_str(), s[0].after.as_str()), ("-", "–"));
    assert_eq!(s[0].kind, EditKind::Typography);
    assert_eq!(&input[s[0].span.start..s[0].span.end], "-");
    assert!(out.edits.iter().all(|e| e.kind != EditKind::Typography));
    // Joined into a paragraph, the suggestion still points at the input's hyphen.
    let input = "Nämnden godkänner\nrapporten - med ändringar\n";
    let out = clean(input);
    assert_eq!(out.text, "Nämnden godkänner rapporten - med ändringar\n");
    let s = &out.suggestions;
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(&input[s[0].span.start..s[0].span.end], "-");
    // At a threshold below its confidence it is applied.
    let mut o = options();
    o.min_confidence = s[0].confidence;
    let out = clean_with(input, o);
    assert_eq!(out.text, "Nämnden godkänner rapporten – med ändringar\n");
    assert!(out.suggestions.is_empty(), "{:?}", out.suggestions);
}

#[test]
fn number_ranges_take_the_en_dash_but_dates_and_diary_numbers_keep_the_hyphen() {
    assert_clean(
        "Planen gäller 2023-2030, kl. 13.00-16.30, §§ 91-94.\n",
        "Planen gäller 2023–2030, kl. 13.00–16.30, §§ 91–94.\n",
    );
    assert_clean(
        "Dnr MKN 2021-00411 den 2021-04-12\n",
        "Dnr MKN 2021-00411 den 2021-04-12\n",
    );
    assert_clean("kl. 13.00—-16.30\n", "kl. 13.00–16.30\n");
}

#[test]
fn a_dates_hyphens_read_as_dashes_are_hyphens() {
    assert_clean(
        "Tjänsteskrivelse 2021—02—23, beslut 2021-08—01\n",
        "Tjänsteskrivelse 2021-02-23, beslut 2021-08-01\n",
    );
    // Not a date: a range of years, a month 13.
    assert_clean(
        "Planen 2016—2019 och 2021—13—01\n",
        "Planen 2016–2019 och 2021—13—01\n",
    );
}

#[test]
fn a_hyphen_inside_a_word_read_as_an_em_dash_is_a_hyphen() {
    assert_clean(
        "Enligt EU—kommissionen ska EES—medborgare ansöka.\n",
        "Enligt EU-kommissionen ska EES-medborgare ansöka.\n",
    );
    // Between words the en dash stays: a route, a spaced dash.
    assert_clean(
        "Sträckan Stockholm–Göteborg – och tillbaka.\n",
        "Sträckan Stockholm–Göteborg – och tillbaka.\n",
    );
}

#[test]
fn a_section_sign_read_as_a_digit_or_dollar_is_restored() {
    assert_clean("592 dnr 2018/767\n", "§ 92 dnr 2018/767\n");
    assert_clean("$ 34 Dnr KS 2021/231\n", "§ 34 Dnr KS 2021/231\n");
    assert_clean(
        "enligt 5 kap. 1$ LEH och 9 kap. 1 8 patientlagen\n",
        "enligt 5 kap. 1 § LEH och 9 kap. 1 § patientlagen\n",
    );
}

// --- hyphenation -------------------------------------------------------------------------

#[test]
fn a_word_broken_at_the_line_end_is_rejoined() {
    assert_clean(
        "Planen tar upp anslut-\nningen av fler hushåll.\n",
        "Planen tar upp anslutningen av fler hushåll.\n",
    );
    assert_clean(
        "montering av sol-\ncellspaneler på byggnader.\n",
        "montering av solcellspaneler på byggnader.\n",
    );
}

#[test]
fn a_damaged_broken_word_is_rejoined_for_the_word_stage() {
    assert_clean(
        "Analys och utvir-\ndering av insatserna.\n",
        "Analys och utvirdering av insatserna.\n",
    );
}

#[test]
fn a_second_half_starting_with_a_misread_l_is_rejoined_with_the_l() {
    assert_clean(
        "Medlemmarna får sin med-\nIemsinsats tillbaka.\n",
        "Medlemmarna får sin medlemsinsats tillbaka.\n",
    );
}

#[test]
fn a_hyphen_that_belongs_to_the_word_stays() {
    assert_clean(
        "varor från ett annat EU-\nland ska omfattas.\n",
        "varor från ett annat EU-land ska omfattas.\n",
    );
}

#[test]
fn a_hyphen_before_a_coordination_stays_with_a_space() {
    assert_clean(
        "Gymnasie-\noch vuxenutbildningsnämnden beslutar.\n",
        "Gymnasie- och vuxenutbildningsnämnden beslutar.\n",
    );
    assert_clean(
        "planerade bygg-\neller anläggningsprojekt.\n",
        "planerade bygg- eller anläggningsprojekt.\n",
    );
}

#[test]
fn a_broken_word_whose_second_half_is_a_coordinator_is_rejoined() {
    // "till" and "som" join coordinations ("bygg- till anläggningsfasen") but also end
    // words: where the halves make a word of the list, it is a broken word.
    assert_clean(
        "Huset ligger in-\ntill vägen och är lik-\nsom det andra, från bygg-\ntill driftfasen.\n",
        "Huset ligger intill vägen och är liksom det andra, från bygg- till driftfasen.\n",
    );
    // "men" ends many words ("examen", "problemen"), and hyphenation breaks before it.
    assert_clean(
        "Hon klarade exa-\nmen, och proble-\nmen löstes. Bygg-\nmen inte driftfasen.\n",
        "Hon klarade examen, och problemen löstes. Bygg- men inte driftfasen.\n",
    );
}

#[test]
fn a_hyphen_read_as_a_dash_is_a_hyphen() {
    assert_clean(
        "Regeringen uppdrar åt Livsmedels—\nverket att arbeta vidare.\n",
        "Regeringen uppdrar åt Livsmedelsverket att arbeta vidare.\n",
    );
}

#[test]
fn a_soft_hyphen_at_the_line_end_is_a_break_the_typesetter_made() {
    // Text extractors keep the soft hyphen (U+00AD) of a hyphenated PDF: the word is
    // rejoined, and a damaged one is left whole for the word stage.
    assert_clean(
        "Planen tar upp anslut\u{ad}\nningen av fler hushåll.\n",
        "Planen tar upp anslutningen av fler hushåll.\n",
    );
    assert_clean(
        "Analys och utvir\u{ad}\ndering av insatserna.\n",
        "Analys och utvirdering av insatserna.\n",
    );
}

#[test]
fn invisible_characters_inside_words_go_and_are_reported() {
    let input = "Nämn\u{ad}den och för\u{200b}slaget, ord \u{ad} ord och hus\u{200d}\u{ad}håll.\n";
    let cleaned = clean(input);
    assert_eq!(
        cleaned.text,
        "Nämnden och förslaget, ord \u{ad} ord och hushåll.\n"
    );
    let reasons: Vec<_> = cleaned
        .edits
        .iter()
        .filter(|e| e.kind == EditKind::Normalize)
        .map(|e| (e.before.as_str(), e.reason.as_ref()))
        .collect();
    assert_eq!(
        reasons,
        [
            ("\u{ad}", "soft hyphen inside a word"),
            ("\u{200b}", "zero-width character inside a word"),
            ("\u{200d}\u{ad}", "soft hyphen inside a word"),
        ]
    );
    // A joiner between letters of another script shapes them: it stays.
    assert_clean("क\u{200d}ष\n", "क\u{200d}ष\n");
}

// --- duplicates --------------------------------------------------------------------------

#[test]
fn a_repeated_paragraph_is_removed_and_points_to_the_kept_copy() {
    let (input, cleaned) = assert_fixture("repeated");
    let dups: Vec<_> = cleaned
        .edits
        .iter()
        .filter(|e| e.kind == EditKind::Duplicate)
        .collect();
    let first = dups
        .iter()
        .find(|e| e.before.contains("Revisorerna har granskat"))
        .expect("the copied summary is removed");
    let kept = first.kept.expect("a duplicate records the kept copy");
    assert!(kept.end <= first.span.start, "the first occurrence is kept");
    assert!(
        input[kept.start..kept.end].starts_with("Revisorerna har granskat"),
        "{:?}",
        &input[kept.start..kept.end]
    );
    assert_eq!(cleaned.text.matches("Revisorerna har granskat").count(), 1);
    // The title, the decision heading and the decision go with the copied run.
    assert_eq!(cleaned.text.matches("Svar pa revisionsrapport").count(), 1);
    assert_eq!(cleaned.text.matches("Socialnamnden godkanner").count(), 1);
}

#[test]
fn a_near_copy_with_another_number_is_kept_and_so_is_its_heading() {
    let (_, cleaned) = assert_fixture("repeated");
    assert!(cleaned.text.contains("i alla 12 grupper"));
    assert!(
        cleaned.text.contains("i alla 14 grupper"),
        "another number is another paragraph"
    );
    assert!(
        cleaned.text.contains("Arendet i sin helhet"),
        "the heading introduces a kept paragraph"
    );
}

#[test]
fn a_recurring_heading_is_not_a_duplicate() {
    let (_, cleaned) = assert_fixture("repeated");
    assert_eq!(cleaned.text.matches("Beslutsunderlag").count(), 2);
    assert_eq!(
        cleaned.text.matches("Socialnamndens beslut").count(),
        2,
        "one per item; the copy's goes"
    );
}

#[test]
fn a_heading_that_only_introduced_copies_goes_with_them() {
    let input = "Titel på ärendet om hemtjänstens planering och uppföljning\n\nRevisorerna har granskat hur hemtjänsten planerar sina insatser och om planeringen ger brukarna den tid de har beviljats i besluten. Granskningen visar att planeringssystemet används men att uppföljningen av den utförda tiden är bristfällig i flera grupper.\n\n\u{c}Titel på ärendet om hemtjänstens planering och uppföljning\n\nÄrendet i sin helhet\n\nRevisorerna har granskat hur hemtjänsten planerar sina insatser och om planeringen ger brukarna den tid de har beviljats i besluten. Granskningen visar att planeringssystemet används men att uppföljningen av den utförda tiden är bristfällig i flera grupper.\n\nHandläggare\n";
    let cleaned = clean(input);
    assert!(
        !cleaned.text.contains("Ärendet i sin helhet"),
        "{}",
        cleaned.text
    );
    assert!(
        cleaned.text.ends_with("i flera grupper.\n\nHandläggare\n"),
        "{}",
        cleaned.text
    );
}

// --- switches ----------------------------------------------------------------------------

#[test]
fn each_stage_can_be_switched_off() {
    let input = fixture("repeated.txt");
    let mut o = options();
    o.furniture = false;
    assert!(clean_with(&input, o)
        .text
        .contains("Justerandes sign Utdragsbestyrkande"));
    let mut o = options();
    o.dedup = false;
    assert_eq!(
        clean_with(&input, o)
            .text
            .matches("Revisorerna har granskat")
            .count(),
        2
    );
    let mut o = options();
    o.paragraphs = false;
    assert!(clean_with(&input, o)
        .text
        .contains("den tid\nde har beviljats"));
}

/// A long paragraph, its copy after a page break (with `copy` changed by the caller).
fn with_copy(first: &str, copy: &str) -> String {
    format!("{first}\n\n\u{c}{copy}\n")
}

const SUMMARY: &str = "För att Arbetslivsnämnden ska kunna styra inom området behöver en fördjupad bild över vilka lagar och förordningar som styr övriga nämnders uppdrag skapas. Om uppdraget lämnas till Arbetslivsnämnden föreslår nämnden att det utgår från gemensamma utvecklingsområden.";

#[test]
fn a_copy_with_small_slips_is_a_duplicate() {
    let copy = SUMMARY
        .replace("området behöver", "omradet behover")
        .replace("Om uppdraget", "Om det uppdraget");
    let cleaned = clean(&with_copy(SUMMARY, &copy));
    assert_eq!(cleaned.text, format!("{SUMMARY}\n"));
    assert_eq!(cleaned.stats.duplicates_removed, 1);
}

#[test]
fn a_copy_that_names_another_body_is_kept() {
    let copy = SUMMARY.replace("Arbetslivsnämnden", "Arbetslivsförvaltningen");
    assert_eq!(
        clean(&with_copy(SUMMARY, &copy)).text,
        format!("{SUMMARY}\n\n{copy}\n")
    );
}

#[test]
fn a_copy_of_a_paragraph_that_a_page_break_split_is_a_duplicate() {
    let (first, second) = SUMMARY.split_once(" Om ").expect("two sentences");
    let second = format!("Om {second}");
    let input = format!("{first}\n\n\u{c}{second}\n\nBeslutsunderlag\n\u{c}Bilaga\n\n{SUMMARY}\n");
    let cleaned = clean(&input);
    assert_eq!(
        cleaned.text,
        format!("{first}\n\n{second}\n\nBeslutsunderlag\n\nBilaga\n")
    );
    let dup = cleaned
        .edits
        .iter()
        .find(|e| e.kind == EditKind::Duplicate)
        .expect("a duplicate");
    let kept = dup.kept.expect("kept");
    assert!(
        input[kept.start..kept.end].starts_with(first)
            && input[kept.start..kept.end].ends_with(&second)
    );
}
