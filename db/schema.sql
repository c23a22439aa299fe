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
