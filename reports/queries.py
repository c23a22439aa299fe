"""The SQL behind the briefing: one named query per fact, all with named parameters.

Counts and sums read the event tables (pledges, agreements), never the mention tables: one
real-world pledge is one event however many articles repeat it. Mentions are read only to
find an event's source articles and what the week's articles restated or flagged.

Parameters: $week ('YYYY-Www'), $start/$end (UTC bounds of the week, end exclusive),
$ids (list of event ids), $weeks (list of weeks), $threshold (confidence below which a fact
needs review).
"""

from __future__ import annotations

# A pledge counts as new in week W when it was first seen in W, at least one mention states
# it as news (not restated_only), and it is not a component of a package (counted once, as
# the package).
_NEW_PLEDGE = "week = $week AND NOT restated_only AND package_event_id IS NULL"

PLEDGE_FIGURES = f"""
SELECT count(*)                                  AS pledges,
       coalesce(sum(amount_eur), 0)::DECIMAL(38, 2) AS eur_total,
       count(*) FILTER (WHERE amount_eur IS NULL) AS without_eur,
       count(DISTINCT donor)                     AS donors
FROM pledges
WHERE {_NEW_PLEDGE}
"""

AGREEMENT_FIGURES = """
SELECT count(*)                                                  AS agreements,
       count(*) FILTER (WHERE kind = 'coalition membership')     AS coalition_members
FROM agreements
WHERE week = $week AND NOT restated_only
"""

TOP_PLEDGES = f"""
SELECT event_id
FROM pledges
WHERE {_NEW_PLEDGE} AND amount_eur IS NOT NULL
ORDER BY amount_eur DESC, first_seen_on, event_id
LIMIT 5
"""

_PLEDGE_COLUMNS = """
event_id, donor, recipient, amount, currency, amount_eur, fx_rate, fx_date, fx_note,
category::VARCHAR AS category, stage::VARCHAR AS stage, items, coalition, announced_on,
announced_precision::VARCHAR AS announced_precision, first_seen_on, week, restated_only,
package_event_id, mention_count, article_count, evidence, confidence
"""

NEW_PLEDGES = f"""
SELECT {_PLEDGE_COLUMNS}
FROM pledges
WHERE {_NEW_PLEDGE}
ORDER BY donor, amount_eur DESC NULLS LAST, first_seen_on, event_id
"""

# Components of this week's packages: shown under their package, never added to totals.
PACKAGE_COMPONENTS = f"""
SELECT {_PLEDGE_COLUMNS}
FROM pledges
WHERE package_event_id IN (SELECT unnest($ids::VARCHAR[]))
ORDER BY package_event_id, amount_eur DESC NULLS LAST, event_id
"""

# Restated: events first seen this week only through restatements, and events of earlier
# weeks that this week's articles mention again. Listed apart; never counted in totals.
RESTATED_PLEDGES = f"""
SELECT {_PLEDGE_COLUMNS}
FROM pledges p
WHERE p.package_event_id IS NULL
  AND ((p.week = $week AND p.restated_only)
       OR (p.week < $week AND EXISTS (
             SELECT 1 FROM pledge_mentions m JOIN articles a USING (article_id)
             WHERE m.event_id = p.event_id
               AND a.published_at >= $start AND a.published_at < $end)))
ORDER BY p.donor, p.first_seen_on, p.event_id
"""

# Every article that states an event, earliest first: the event's footnotes.
_SOURCES = """
SELECT DISTINCT m.event_id, a.article_id, a.published_at
FROM {mentions} m JOIN articles a USING (article_id)
WHERE m.event_id IN (SELECT unnest($ids::VARCHAR[]))
ORDER BY m.event_id, a.published_at NULLS LAST, a.article_id
"""
PLEDGE_SOURCES = _SOURCES.format(mentions="pledge_mentions")
AGREEMENT_SOURCES = _SOURCES.format(mentions="agreement_mentions")

# For restated events, the week's articles that restate them (what the reader saw this week).
PLEDGE_SOURCES_IN_WEEK = """
SELECT DISTINCT m.event_id, a.article_id, a.published_at
FROM pledge_mentions m JOIN articles a USING (article_id)
WHERE m.event_id IN (SELECT unnest($ids::VARCHAR[]))
  AND a.published_at >= $start AND a.published_at < $end
ORDER BY m.event_id, a.published_at, a.article_id
"""

_AGREEMENT_COLUMNS = """
event_id, parties, kind::VARCHAR AS kind, subject, document_count, coalition, signed_on,
signed_precision::VARCHAR AS signed_precision, first_seen_on, week, restated_only,
mention_count, article_count, evidence, confidence
"""

NEW_AGREEMENTS = f"""
SELECT {_AGREEMENT_COLUMNS}
FROM agreements
WHERE week = $week AND NOT restated_only
ORDER BY agreements.kind, coalesce(signed_on, first_seen_on), event_id  -- enum order
"""

# Low-confidence facts: this week's events below the threshold, and low-confidence mentions in
# this week's articles whose event is not already listed (or that were never merged).
NEEDS_REVIEW = """
WITH week_articles AS (
    SELECT article_id, published_at FROM articles
    WHERE published_at >= $start AND published_at < $end
),
low_pledges AS (SELECT event_id FROM pledges WHERE week = $week AND confidence < $threshold),
low_agreements AS (
    SELECT event_id FROM agreements WHERE week = $week AND confidence < $threshold
)
SELECT 'pledge' AS what, 'event' AS level, event_id AS id, event_id, NULL AS article_id,
       donor AS actor, amount, currency, amount_eur, NULL AS kind, confidence, evidence,
       first_seen_on AS seen_on
FROM pledges WHERE event_id IN (SELECT event_id FROM low_pledges)
UNION ALL
SELECT 'pledge', 'mention', m.mention_id, m.event_id, m.article_id, m.donor, m.amount,
       m.currency, m.amount_eur, NULL, m.confidence, m.evidence, w.published_at::DATE
FROM pledge_mentions m JOIN week_articles w USING (article_id)
WHERE m.confidence < $threshold
  AND (m.event_id IS NULL OR m.event_id NOT IN (SELECT event_id FROM low_pledges))
UNION ALL
SELECT 'agreement', 'event', event_id, event_id, NULL, array_to_string(parties, ', '), NULL,
       NULL, NULL, kind::VARCHAR, confidence, evidence, first_seen_on
FROM agreements WHERE event_id IN (SELECT event_id FROM low_agreements)
UNION ALL
SELECT 'agreement', 'mention', m.mention_id, m.event_id, m.article_id,
       array_to_string(m.parties, ', '), NULL, NULL, NULL, m.kind::VARCHAR, m.confidence,
       m.evidence, w.published_at::DATE
FROM agreement_mentions m JOIN week_articles w USING (article_id)
WHERE m.confidence < $threshold
  AND (m.event_id IS NULL OR m.event_id NOT IN (SELECT event_id FROM low_agreements))
ORDER BY confidence, what, level, id
"""

EUR_BY_DONOR = f"""
SELECT donor AS label, sum(amount_eur) AS eur
FROM pledges
WHERE {_NEW_PLEDGE} AND amount_eur IS NOT NULL
GROUP BY donor
ORDER BY eur DESC, donor
"""

EUR_BY_CATEGORY = f"""
SELECT category::VARCHAR AS label, sum(amount_eur) AS eur
FROM pledges
WHERE {_NEW_PLEDGE} AND amount_eur IS NOT NULL
GROUP BY category
ORDER BY eur DESC, label
"""

# Weekly new-pledge EUR by donor over a window of weeks; the briefing accumulates it.
EUR_BY_DONOR_AND_WEEK = """
SELECT week, donor, sum(amount_eur) AS eur
FROM pledges
WHERE week IN (SELECT unnest($weeks::VARCHAR[]))
  AND NOT restated_only AND package_event_id IS NULL AND amount_eur IS NOT NULL
GROUP BY week, donor
ORDER BY week, donor
"""

ARTICLES = """
SELECT article_id, outlet, title, published_at, url, canonical_url
FROM articles
WHERE article_id IN (SELECT unnest($ids::VARCHAR[]))
"""

# Coverage on the cover: the week's articles by language, the feeds that carried them, and
# the feed entries that could not be read in fetches during the week (and its Monday after).
COVERAGE_LANGUAGES = """
SELECT coalesce(language, 'und') AS language, count(*) AS articles
FROM articles
WHERE published_at >= $start AND published_at < $end
GROUP BY ALL
ORDER BY articles DESC, language
"""

COVERAGE_FEEDS = """
SELECT
    (SELECT count(DISTINCT feed_id) FROM (
        SELECT f.feed_id FROM article_feeds f JOIN articles a USING (article_id)
        WHERE a.published_at >= $start AND a.published_at < $end
        UNION ALL
        SELECT feed_id FROM articles WHERE published_at >= $start AND published_at < $end)
    ) AS feeds,
    (SELECT coalesce(sum(unreadable), 0) FROM feed_fetches
     WHERE fetched_at >= $start AND fetched_at < $end + INTERVAL 1 DAY) AS unreadable
"""
