-- PledgeWatch DuckDB schema: every table, type, view and comment lives here.
-- Applied by flows/storage.py. Each "-- migration: N name" block runs once, in order, inside
-- a transaction, and is recorded in schema_migrations; re-applying the file is a no-op.
-- Never edit a block that has shipped: add a new one.

-- migration: 1 foundation
CREATE TYPE pledge_category AS ENUM ('military', 'financial', 'humanitarian', 'defence-industry');
CREATE TYPE pledge_stage AS ENUM ('announced', 'allocated', 'delivered');
CREATE TYPE agreement_kind AS ENUM ('memorandum/document signing', 'joint production',
    'security agreement', 'coalition membership', 'other');
CREATE TYPE date_precision AS ENUM ('day', 'month');

CREATE TABLE runs (
    run_id          VARCHAR PRIMARY KEY,
    kind            VARCHAR NOT NULL,
    flow_run_id     VARCHAR,
    week            VARCHAR,
    started_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ,
    status          VARCHAR NOT NULL,
    counts          JSON,
    errors          JSON,
    briefing_path   VARCHAR,
    email_path      VARCHAR,
    delivery_status VARCHAR,
    delivery_error  VARCHAR
);
COMMENT ON TABLE runs IS 'One row per flow run (ingest, weekly briefing, demo, report): when it ran, how it ended, what it counted and what went wrong.';
COMMENT ON COLUMN runs.run_id IS 'Stable id of the run; every record written by the run carries it.';
COMMENT ON COLUMN runs.kind IS 'ingest, weekly, report, deliver or demo.';
COMMENT ON COLUMN runs.flow_run_id IS 'Prefect flow run id, when the run happened under Prefect.';
COMMENT ON COLUMN runs.week IS 'ISO week (YYYY-Www) of the briefing, for weekly and report runs.';
COMMENT ON COLUMN runs.status IS 'running, ok, partial (some feeds or deliveries failed) or failed.';
COMMENT ON COLUMN runs.counts IS 'JSON object of counters: feeds_ok, feeds_failed, articles_new, pledge_mentions, ...';
COMMENT ON COLUMN runs.errors IS 'JSON list of {where, error} for everything that was skipped or failed.';
COMMENT ON COLUMN runs.briefing_path IS 'Absolute path of the PDF this run rendered.';
COMMENT ON COLUMN runs.email_path IS 'Absolute path of the .eml message this run wrote.';
COMMENT ON COLUMN runs.delivery_status IS 'sent, outbox (written as .eml, no SMTP configured) or failed.';

CREATE TABLE feeds (
    feed_id              VARCHAR PRIMARY KEY,
    url                  VARCHAR NOT NULL,
    outlet               VARCHAR NOT NULL,
    language             VARCHAR,
    etag                 VARCHAR,
    last_modified        VARCHAR,
    last_status          VARCHAR,
    last_http_status     INTEGER,
    last_error           VARCHAR,
    last_fetched_at      TIMESTAMPTZ,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    run_id               VARCHAR
);
COMMENT ON TABLE feeds IS 'Feeds watched (from feeds.toml), with the validators for conditional GET and their latest health.';
COMMENT ON COLUMN feeds.feed_id IS 'Hash of the feed URL.';
COMMENT ON COLUMN feeds.etag IS 'ETag of the last 200 response, sent back as If-None-Match.';
COMMENT ON COLUMN feeds.last_modified IS 'Last-Modified of the last 200 response, sent back as If-Modified-Since.';
COMMENT ON COLUMN feeds.last_status IS 'ok, not_modified or failed.';
COMMENT ON COLUMN feeds.consecutive_failures IS 'Failed fetches in a row; 3 or more is flagged by pledgewatch status.';

CREATE TABLE feed_fetches (
    run_id       VARCHAR NOT NULL,
    feed_id      VARCHAR NOT NULL,
    url          VARCHAR NOT NULL,
    outlet       VARCHAR NOT NULL,
    status       VARCHAR NOT NULL,
    http_status  INTEGER,
    error        VARCHAR,
    bozo         BOOLEAN NOT NULL DEFAULT false,
    entries      INTEGER NOT NULL DEFAULT 0,
    new_articles INTEGER NOT NULL DEFAULT 0,
    failed_pages INTEGER NOT NULL DEFAULT 0,
    fetched_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (run_id, feed_id)
);
COMMENT ON TABLE feed_fetches IS 'One row per feed per run: the feed health history behind pledgewatch status.';
COMMENT ON COLUMN feed_fetches.bozo IS 'feedparser found the XML malformed; its readable entries were kept.';

CREATE TABLE articles (
    article_id        VARCHAR PRIMARY KEY,
    canonical_url     VARCHAR NOT NULL UNIQUE,
    url               VARCHAR NOT NULL,
    feed_id           VARCHAR,
    outlet            VARCHAR,
    title             VARCHAR,
    published_at      TIMESTAMPTZ,
    fetched_at        TIMESTAMPTZ NOT NULL,
    text              VARCHAR NOT NULL,
    text_hash         VARCHAR NOT NULL,
    text_source       VARCHAR NOT NULL,
    extractor_version VARCHAR,
    extracted_at      TIMESTAMPTZ,
    run_id            VARCHAR NOT NULL
);
COMMENT ON TABLE articles IS 'Every article once, keyed by its canonical URL, however many feeds or runs carried it.';
COMMENT ON COLUMN articles.article_id IS 'First 16 hex digits of the SHA-256 of the canonical URL.';
COMMENT ON COLUMN articles.canonical_url IS 'URL with scheme and host lower-cased, tracking parameters and fragment removed.';
COMMENT ON COLUMN articles.feed_id IS 'The feed that first carried the article (article_feeds lists them all).';
COMMENT ON COLUMN articles.published_at IS 'Publication time from the feed, in UTC.';
COMMENT ON COLUMN articles.text IS 'Plain text the extractor read; evidence offsets point into it.';
COMMENT ON COLUMN articles.text_hash IS 'SHA-256 of text; a changed hash triggers re-extraction.';
COMMENT ON COLUMN articles.text_source IS 'feed (content:encoded) or page (fetched article page, main text extracted).';
COMMENT ON COLUMN articles.extractor_version IS 'Version of transforms.extract that produced the article''s mentions; NULL = not yet extracted.';
COMMENT ON COLUMN articles.run_id IS 'Run that first stored the article.';

CREATE TABLE article_feeds (
    article_id VARCHAR NOT NULL,
    feed_id    VARCHAR NOT NULL,
    run_id     VARCHAR NOT NULL,
    PRIMARY KEY (article_id, feed_id)
);
COMMENT ON TABLE article_feeds IS 'Which feeds carried which article (an article seen in two feeds is one article, two rows here).';

CREATE TABLE pledge_mentions (
    mention_id          VARCHAR PRIMARY KEY,
    article_id          VARCHAR NOT NULL,
    donor               VARCHAR NOT NULL,
    recipient           VARCHAR,
    amount              DECIMAL(18, 2),
    amount_text         VARCHAR,
    currency            VARCHAR,
    amount_eur          DECIMAL(18, 2),
    fx_rate             DOUBLE,
    fx_date             DATE,
    fx_note             VARCHAR,
    category            pledge_category NOT NULL,
    stage               pledge_stage NOT NULL,
    items               VARCHAR,
    coalition           VARCHAR,
    announced_on        DATE,
    announced_precision date_precision,
    restated            BOOLEAN NOT NULL,
    component           BOOLEAN NOT NULL,
    evidence            VARCHAR NOT NULL,
    evidence_start      INTEGER NOT NULL,
    evidence_end        INTEGER NOT NULL,
    confidence          DOUBLE NOT NULL,
    extractor_version   VARCHAR NOT NULL,
    event_id            VARCHAR,
    run_id              VARCHAR NOT NULL
);
COMMENT ON TABLE pledge_mentions IS 'One row per pledge stated in one sentence of one article. Mentions of the same pledge are merged into events in pledges.';
COMMENT ON COLUMN pledge_mentions.mention_id IS 'Hash of article, evidence offsets, donor, currency and amount: stable across re-runs.';
COMMENT ON COLUMN pledge_mentions.donor IS 'Canonical actor name (see actors): a country, an organisation (EU, EIB, NATO) or a coalition.';
COMMENT ON COLUMN pledge_mentions.amount IS 'Amount as stated, in the currency first stated (a bracketed conversion is ignored).';
COMMENT ON COLUMN pledge_mentions.amount_text IS 'The money expression as written in the text.';
COMMENT ON COLUMN pledge_mentions.currency IS 'ISO 4217 code of the stated amount.';
COMMENT ON COLUMN pledge_mentions.amount_eur IS 'Amount in EUR at the ECB reference rate of fx_date; NULL when the ECB publishes no rate (fx_note says why).';
COMMENT ON COLUMN pledge_mentions.fx_rate IS 'ECB reference rate used: units of currency per 1 EUR.';
COMMENT ON COLUMN pledge_mentions.fx_date IS 'Date of the rate: announcement date, else article date; the last known rate on weekends and holidays.';
COMMENT ON COLUMN pledge_mentions.category IS 'military, financial, humanitarian or defence-industry.';
COMMENT ON COLUMN pledge_mentions.stage IS 'announced, allocated or delivered (after the Kiel Institute''s split of commitments and allocations).';
COMMENT ON COLUMN pledge_mentions.items IS 'Equipment or purpose named with the pledge.';
COMMENT ON COLUMN pledge_mentions.coalition IS 'Capability coalition or initiative the pledge goes through, when named.';
COMMENT ON COLUMN pledge_mentions.announced_on IS 'Announcement date resolved from the text against the article date; NULL when the text gives no cue.';
COMMENT ON COLUMN pledge_mentions.announced_precision IS 'day, or month when only the month is known (announced_on is then the 1st).';
COMMENT ON COLUMN pledge_mentions.restated IS 'The sentence restates an earlier pledge (textual cue such as "as was reported earlier").';
COMMENT ON COLUMN pledge_mentions.component IS 'A sub-amount of a package stated in the same article; never added to totals twice.';
COMMENT ON COLUMN pledge_mentions.evidence IS 'The sentence that states the pledge, verbatim.';
COMMENT ON COLUMN pledge_mentions.evidence_start IS 'Character offset of the evidence sentence in articles.text (substring(text, start + 1, end - start)).';
COMMENT ON COLUMN pledge_mentions.evidence_end IS 'Character offset just past the evidence sentence in articles.text.';
COMMENT ON COLUMN pledge_mentions.confidence IS 'Extractor confidence in [0, 1]; low values appear under Needs review in the briefing.';
COMMENT ON COLUMN pledge_mentions.extractor_version IS 'Version of transforms.extract that wrote the row.';
COMMENT ON COLUMN pledge_mentions.event_id IS 'The pledge event (pledges.event_id) this mention was merged into.';
COMMENT ON COLUMN pledge_mentions.run_id IS 'Run that wrote the row.';

CREATE TABLE agreement_mentions (
    mention_id          VARCHAR PRIMARY KEY,
    article_id          VARCHAR NOT NULL,
    parties             VARCHAR[] NOT NULL,
    kind                agreement_kind NOT NULL,
    subject             VARCHAR,
    document_count      INTEGER,
    coalition           VARCHAR,
    signed_on           DATE,
    signed_precision    date_precision,
    restated            BOOLEAN NOT NULL,
    evidence            VARCHAR NOT NULL,
    evidence_start      INTEGER NOT NULL,
    evidence_end        INTEGER NOT NULL,
    confidence          DOUBLE NOT NULL,
    extractor_version   VARCHAR NOT NULL,
    event_id            VARCHAR,
    run_id              VARCHAR NOT NULL
);
COMMENT ON TABLE agreement_mentions IS 'One row per agreement (document signing, joint production, security agreement, coalition membership) stated in one sentence of one article.';
COMMENT ON COLUMN agreement_mentions.parties IS 'Canonical actor names of the parties (countries, organisations, companies, coalitions).';
COMMENT ON COLUMN agreement_mentions.kind IS 'memorandum/document signing, joint production, security agreement, coalition membership or other.';
COMMENT ON COLUMN agreement_mentions.subject IS 'What the agreement is about, in a few words from the sentence.';
COMMENT ON COLUMN agreement_mentions.document_count IS 'Number of documents signed when the text states it ("six documents" gives 6).';
COMMENT ON COLUMN agreement_mentions.coalition IS 'Coalition joined or founded, for coalition membership.';
COMMENT ON COLUMN agreement_mentions.signed_on IS 'Date of the signing or announcement resolved from the text; NULL without a cue.';
COMMENT ON COLUMN agreement_mentions.evidence_start IS 'Character offset of the evidence sentence in articles.text.';
COMMENT ON COLUMN agreement_mentions.event_id IS 'The agreement event (agreements.event_id) this mention was merged into.';

CREATE TABLE actors (
    name     VARCHAR PRIMARY KEY,
    iso_code VARCHAR,
    kind     VARCHAR NOT NULL,
    aliases  VARCHAR[] NOT NULL
);
COMMENT ON TABLE actors IS 'The gazetteer the extractor uses: canonical actor names with ISO codes and the aliases, demonyms, ministries and officials that map to them.';
COMMENT ON COLUMN actors.kind IS 'country, organisation, coalition, initiative or company.';

-- migration: 2 events
CREATE TABLE pledges (
    event_id            VARCHAR PRIMARY KEY,
    donor               VARCHAR NOT NULL,
    recipient           VARCHAR,
    amount              DECIMAL(18, 2),
    currency            VARCHAR,
    amount_eur          DECIMAL(18, 2),
    fx_rate             DOUBLE,
    fx_date             DATE,
    fx_note             VARCHAR,
    category            pledge_category NOT NULL,
    stage               pledge_stage NOT NULL,
    items               VARCHAR,
    coalition           VARCHAR,
    announced_on        DATE,
    announced_precision date_precision,
    first_seen_on       DATE NOT NULL,
    week                VARCHAR NOT NULL,
    restated_only       BOOLEAN NOT NULL,
    package_event_id    VARCHAR,
    mention_count       INTEGER NOT NULL,
    article_count       INTEGER NOT NULL,
    best_mention_id     VARCHAR NOT NULL,
    evidence            VARCHAR NOT NULL,
    confidence          DOUBLE NOT NULL,
    history             JSON,
    run_id              VARCHAR NOT NULL
);
COMMENT ON TABLE pledges IS 'Pledge events: the mentions of one real-world pledge merged across articles and days. Count and sum these, never pledge_mentions.';
COMMENT ON COLUMN pledges.event_id IS 'Stable id: hash of the mention that founded the event.';
COMMENT ON COLUMN pledges.amount IS 'Current amount of the pledge in its stated currency (a correction updates it; history keeps the old values).';
COMMENT ON COLUMN pledges.amount_eur IS 'Amount in EUR at the ECB rate of fx_date; NULL when no ECB rate exists (fx_note).';
COMMENT ON COLUMN pledges.first_seen_on IS 'Publication date (UTC) of the earliest article that mentions the pledge.';
COMMENT ON COLUMN pledges.week IS 'ISO week (YYYY-Www) the event is counted in: the week of first_seen_on.';
COMMENT ON COLUMN pledges.restated_only IS 'Every mention restates it: an older pledge first seen through a restatement, never counted as new.';
COMMENT ON COLUMN pledges.package_event_id IS 'For a component (a sub-amount of a package), the package event; components are never added to totals.';
COMMENT ON COLUMN pledges.mention_count IS 'How many sentences, across all articles, state this pledge.';
COMMENT ON COLUMN pledges.article_count IS 'How many distinct articles mention this pledge.';
COMMENT ON COLUMN pledges.best_mention_id IS 'The mention whose evidence best states the pledge (not restated, highest confidence, earliest).';
COMMENT ON COLUMN pledges.history IS 'JSON list of earlier values ({amount, currency, mention_id}) replaced by corrections.';

CREATE TABLE agreements (
    event_id          VARCHAR PRIMARY KEY,
    parties           VARCHAR[] NOT NULL,
    kind              agreement_kind NOT NULL,
    subject           VARCHAR,
    document_count    INTEGER,
    coalition         VARCHAR,
    signed_on         DATE,
    signed_precision  date_precision,
    first_seen_on     DATE NOT NULL,
    week              VARCHAR NOT NULL,
    restated_only     BOOLEAN NOT NULL,
    mention_count     INTEGER NOT NULL,
    article_count     INTEGER NOT NULL,
    best_mention_id   VARCHAR NOT NULL,
    evidence          VARCHAR NOT NULL,
    confidence        DOUBLE NOT NULL,
    run_id            VARCHAR NOT NULL
);
COMMENT ON TABLE agreements IS 'Agreement events: the mentions of one signing, joint-production deal, security agreement or coalition move merged across articles.';
COMMENT ON COLUMN agreements.week IS 'ISO week (YYYY-Www) the event is counted in: the week of first_seen_on.';
COMMENT ON COLUMN agreements.restated_only IS 'Every mention restates it: never counted as new.';
COMMENT ON COLUMN agreements.mention_count IS 'How many sentences, across all articles, state this agreement.';

-- migration: 3 analyst views
CREATE VIEW counted_pledges AS
SELECT * FROM pledges WHERE package_event_id IS NULL;
COMMENT ON VIEW counted_pledges IS 'Pledge events that may be summed: package components (already inside their package) left out. Start every total here.';

CREATE VIEW weekly_new_pledges AS
SELECT week, event_id, donor, recipient, amount, currency, amount_eur, category, stage, items,
       coalition, announced_on, announced_precision, first_seen_on, mention_count, article_count, evidence
FROM counted_pledges
WHERE NOT restated_only
ORDER BY week, amount_eur DESC NULLS LAST;
COMMENT ON VIEW weekly_new_pledges IS 'New pledge events by the ISO week they were first seen (restatements of older pledges and package components excluded). Filter on week = ''2026-W46''.';
COMMENT ON COLUMN weekly_new_pledges.week IS 'ISO week the pledge was first seen in the news (YYYY-Www).';
COMMENT ON COLUMN weekly_new_pledges.mention_count IS 'Sentences across all articles that state this pledge.';

CREATE VIEW donor_totals AS
SELECT donor,
       count(*) AS pledges,
       sum(amount_eur) AS total_eur,
       count(*) FILTER (WHERE amount_eur IS NULL) AS pledges_without_eur,
       min(coalesce(announced_on, first_seen_on)) AS first_pledge_on,
       max(coalesce(announced_on, first_seen_on)) AS last_pledge_on
FROM counted_pledges
GROUP BY donor
ORDER BY total_eur DESC NULLS LAST;
COMMENT ON VIEW donor_totals IS 'Per donor: pledge events and their EUR total, each event counted once (components excluded).';
COMMENT ON COLUMN donor_totals.total_eur IS 'Sum of amount_eur over the donor''s pledge events; events with no EUR amount (no ECB rate, or no money figure) are counted in pledges_without_eur instead.';

CREATE VIEW category_totals AS
SELECT category, count(*) AS pledges, sum(amount_eur) AS total_eur
FROM counted_pledges
GROUP BY category
ORDER BY total_eur DESC NULLS LAST;
COMMENT ON VIEW category_totals IS 'Pledge events and EUR totals by category (military, financial, humanitarian, defence-industry).';

CREATE VIEW monthly_totals AS
SELECT date_trunc('month', coalesce(announced_on, first_seen_on))::DATE AS month,
       donor, count(*) AS pledges, sum(amount_eur) AS total_eur
FROM counted_pledges
GROUP BY ALL
ORDER BY month, total_eur DESC NULLS LAST;
COMMENT ON VIEW monthly_totals IS 'EUR pledged per donor and calendar month of announcement (first-seen date when the text gives none).';

CREATE VIEW largest_pledges AS
SELECT event_id, donor, amount, currency, amount_eur, category, stage, items,
       coalesce(announced_on, first_seen_on) AS pledged_on, week, restated_only, mention_count, evidence
FROM counted_pledges
WHERE amount_eur IS NOT NULL
ORDER BY amount_eur DESC;
COMMENT ON VIEW largest_pledges IS 'Pledge events by EUR amount, largest first.';

CREATE VIEW announced_only_pledges AS
SELECT event_id, donor, amount, currency, amount_eur, category, items,
       coalesce(announced_on, first_seen_on) AS announced_on, first_seen_on, mention_count
FROM counted_pledges
WHERE stage = 'announced'
ORDER BY announced_on;
COMMENT ON VIEW announced_only_pledges IS 'Pledges still only announced: no mention yet reports them allocated or delivered.';

CREATE VIEW agreements_by_kind AS
SELECT kind, count(*) AS agreements, sum(document_count) AS documents,
       min(coalesce(signed_on, first_seen_on)) AS first_on, max(coalesce(signed_on, first_seen_on)) AS last_on
FROM agreements
GROUP BY kind
ORDER BY agreements DESC;
COMMENT ON VIEW agreements_by_kind IS 'Agreement events per kind, with the number of documents signed where stated.';

CREATE VIEW coalition_members AS
SELECT coalesce(a.coalition, a.subject) AS coalition, member,
       coalesce(a.signed_on, a.first_seen_on) AS joined_on, a.week, a.event_id, a.evidence
FROM agreements a, unnest(a.parties) AS p(member)
WHERE a.kind = 'coalition membership' AND member <> 'Ukraine'
ORDER BY coalition, joined_on, member;
COMMENT ON VIEW coalition_members IS 'Who joined (or founded) which capability coalition, and when: one row per member per coalition event.';

CREATE VIEW article_records AS
SELECT a.article_id, a.outlet, a.title, a.canonical_url, a.published_at, 'pledge' AS record,
       m.donor AS actor, m.amount, m.currency, m.amount_eur, NULL::agreement_kind AS kind,
       m.restated, m.evidence, m.evidence_start, m.evidence_end, m.confidence, m.event_id, m.run_id
FROM articles a JOIN pledge_mentions m USING (article_id)
UNION ALL
SELECT a.article_id, a.outlet, a.title, a.canonical_url, a.published_at, 'agreement',
       array_to_string(m.parties, ', '), NULL, NULL, NULL, m.kind,
       m.restated, m.evidence, m.evidence_start, m.evidence_end, m.confidence, m.event_id, m.run_id
FROM articles a JOIN agreement_mentions m USING (article_id);
COMMENT ON VIEW article_records IS 'Everything each article contributed: its pledge and agreement mentions with evidence and offsets. Filter on article_id, canonical_url or outlet.';

CREATE VIEW outlet_summary AS
SELECT a.outlet, count(DISTINCT a.article_id) AS articles,
       count(DISTINCT p.mention_id) AS pledge_mentions,
       count(DISTINCT g.mention_id) AS agreement_mentions,
       min(a.published_at) AS first_article, max(a.published_at) AS last_article
FROM articles a
LEFT JOIN pledge_mentions p USING (article_id)
LEFT JOIN agreement_mentions g USING (article_id)
GROUP BY a.outlet
ORDER BY articles DESC;
COMMENT ON VIEW outlet_summary IS 'Per outlet: articles stored and the mentions extracted from them.';

CREATE VIEW pledge_sources AS
SELECT p.event_id, m.mention_id, a.article_id, a.outlet, a.title, a.canonical_url,
       a.published_at, m.restated, m.evidence, m.evidence_start, m.evidence_end
FROM pledges p
JOIN pledge_mentions m ON m.event_id = p.event_id
JOIN articles a USING (article_id)
ORDER BY p.event_id, a.published_at;
COMMENT ON VIEW pledge_sources IS 'Every article that mentions each pledge event, with the evidence sentence.';

CREATE VIEW kiel_export AS
SELECT p.event_id, p.donor, p.recipient, coalesce(p.announced_on, p.first_seen_on) AS date,
       p.announced_precision AS date_precision, p.category, p.stage, p.currency, p.amount,
       p.amount_eur, p.fx_rate, p.fx_date, p.items, p.coalition, p.restated_only,
       p.mention_count,
       (SELECT string_agg(DISTINCT a.canonical_url, ' ' ORDER BY a.canonical_url)
          FROM pledge_mentions m JOIN articles a USING (article_id)
         WHERE m.event_id = p.event_id) AS sources
FROM counted_pledges p
ORDER BY date, donor;
COMMENT ON VIEW kiel_export IS 'Pledge events in a long format like the Kiel Institute Ukraine Support Tracker: one row per event, original and EUR amounts, source URLs space-separated.';

-- migration: 4 unnamed parties
ALTER TABLE agreement_mentions ADD COLUMN unnamed_parties INTEGER;
COMMENT ON COLUMN agreement_mentions.unnamed_parties IS 'Parties the text counts but does not name ("15 countries have joined" gives 15).';

-- migration: 5 readable feeds
ALTER TABLE articles ADD COLUMN language VARCHAR;
ALTER TABLE articles ADD COLUMN language_score DOUBLE;
COMMENT ON COLUMN articles.language IS 'ISO 639-1 code of the text''s language (py3langid), ''und'' when too short to tell; only languages the extractor reads (en) are extracted, the others are stored and counted.';
COMMENT ON COLUMN articles.language_score IS 'Probability py3langid gave the detected language (0 to 1).';
COMMENT ON COLUMN articles.text_source IS 'feed (the feed''s full text: content:encoded, Atom content, full-text elements), page (fetched article page, main text extracted) or summary (the page could not be read: the feed''s teaser or description only).';
ALTER TABLE feed_fetches ADD COLUMN duplicates INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feed_fetches ADD COLUMN unreadable INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feed_fetches ADD COLUMN unreadable_reasons JSON;
ALTER TABLE feed_fetches ADD COLUMN summaries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feed_fetches ADD COLUMN bozo_reason VARCHAR;
ALTER TABLE feed_fetches ADD COLUMN charset VARCHAR;
ALTER TABLE feed_fetches ADD COLUMN charset_source VARCHAR;
ALTER TABLE feed_fetches ADD COLUMN pages_charset_guessed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feed_fetches ADD COLUMN languages JSON;
COMMENT ON COLUMN feed_fetches.entries IS 'Entries seen in the feed this run.';
COMMENT ON COLUMN feed_fetches.new_articles IS 'Articles this run stored for the first time.';
COMMENT ON COLUMN feed_fetches.duplicates IS 'Entries already stored (by an earlier run or another feed) or repeated in the feed.';
COMMENT ON COLUMN feed_fetches.unreadable IS 'Entries whose article text could not be read: only the summary (see summaries) or nothing was stored.';
COMMENT ON COLUMN feed_fetches.unreadable_reasons IS 'JSON object: reason -> entries (page unreachable, HTTP 404, too large, not HTML, no text, no link, pages off, over entry cap).';
COMMENT ON COLUMN feed_fetches.summaries IS 'Unreadable entries stored with the feed''s summary as their text (text_source = summary).';
COMMENT ON COLUMN feed_fetches.bozo_reason IS 'The XML parser''s message for a malformed feed (its readable entries are kept).';
COMMENT ON COLUMN feed_fetches.charset IS 'Charset the feed was decoded with.';
COMMENT ON COLUMN feed_fetches.charset_source IS 'How the charset was decided: bom, http, xml, meta, default, detected (a guess) or none (undecodable, replaced).';
COMMENT ON COLUMN feed_fetches.pages_charset_guessed IS 'Article pages of this feed whose charset was guessed (declared nowhere, or wrongly).';
COMMENT ON COLUMN feed_fetches.languages IS 'JSON object: language code -> articles stored this run.';

CREATE VIEW articles_by_language AS
SELECT coalesce(language, 'und') AS language,
       count(*) AS articles,
       count(*) FILTER (WHERE extractor_version IS NOT NULL) AS extracted,
       count(*) FILTER (WHERE text_source = 'summary') AS summaries_only
FROM articles
GROUP BY ALL
ORDER BY articles DESC;
COMMENT ON VIEW articles_by_language IS 'Articles stored per language, how many the extractor read (it reads English only) and how many hold only a summary.';

-- migration: 8 rulebook
-- Records name the rules that made them (transforms/rulebook.py; `pledgewatch explain`), and
-- rebuilding, housing and energy money gets a category of its own instead of "military".
ALTER TABLE pledge_mentions ADD COLUMN rules VARCHAR[];
ALTER TABLE agreement_mentions ADD COLUMN rules VARCHAR[];
COMMENT ON COLUMN pledge_mentions.rules IS 'Names of the extractor rules that made this record (anchor, donor resolver, restated and date cues, category cue); see pledgewatch explain.';
COMMENT ON COLUMN agreement_mentions.rules IS 'Names of the extractor rules that made this record; see pledgewatch explain.';
-- DuckDB cannot add a value to an ENUM: move the columns to VARCHAR, re-create the type.
ALTER TABLE pledge_mentions ALTER category TYPE VARCHAR;
ALTER TABLE pledges ALTER category TYPE VARCHAR;
DROP TYPE pledge_category;
CREATE TYPE pledge_category AS ENUM ('military', 'financial', 'humanitarian', 'reconstruction', 'defence-industry');
ALTER TABLE pledge_mentions ALTER category TYPE pledge_category;
ALTER TABLE pledges ALTER category TYPE pledge_category;
COMMENT ON COLUMN pledge_mentions.category IS 'military, financial, humanitarian, reconstruction (rebuilding, housing, energy) or defence-industry, read from the sentence by a category cue (see rules).';
