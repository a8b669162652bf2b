package io.shopops.growth.traffic;

import java.util.List;

import io.shopops.growth.traffic.Sites.Site;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores collected events: one statement per call (the rows travel as arrays), committed
 * (auto-commit, synchronously: see {@link #DURABLY}) before it returns, classified by the
 * source rules on the way in. The collection endpoint hands its requests' rows to
 * {@link CollectWriter}, which stores the rows of many requests in one call.
 */
@Repository
class TrafficEvents {

	/**
	 * Makes the statement's own transaction commit synchronously (WAL flushed before the
	 * commit returns) whatever the server's or session's {@code synchronous_commit}: the
	 * setting in effect when a transaction commits decides, and
	 * {@code set_config(…, true)} holds until then. Embedded PostgreSQL, for one, runs
	 * with it off, and a {@code 202} must mean stored, even across a crash. A statement
	 * using it joins {@code durably} in its {@code FROM} (the CTE is volatile, so it is
	 * evaluated, once).
	 */
	static final String DURABLY = "WITH durably AS (SELECT set_config('synchronous_commit', 'on', true))\n";

	private final JdbcClient jdbc;

	private final SourceRules rules;

	TrafficEvents(JdbcClient jdbc, SourceRules rules) {
		this.jdbc = jdbc;
		this.rules = rules;
	}

	/**
	 * Stores the events of one site; returns how many were stored. The batch is one
	 * statement, so it is atomic and durable when it returns, without a transaction
	 * around it (which would also open a JPA session for nothing).
	 */
	int store(Site site, List<CollectedEvent> events) {
		if (events.isEmpty()) {
			return 0;
		}
		return storeAll(List.of(rows(site, events)));
	}

	/** The rows of one site's events, classified by the current source rules. */
	Rows rows(Site site, List<CollectedEvent> events) {
		List<SourceRule> current = this.rules.current();
		String host = site.host();
		String[] sources = new String[events.size()];
		for (int i = 0; i < sources.length; i++) {
			CollectedEvent e = events.get(i);
			sources[i] = TrafficClassifier.classify(current, e.utmSource(), e.utmMedium(), e.referrer(), host)
				.source()
				.name();
		}
		return new Rows(site.id(), events, sources);
	}

	/**
	 * Stores the rows of several requests in one statement, so in one commit: all of them
	 * or none. Returns how many were stored.
	 */
	int storeAll(List<Rows> all) {
		int n = 0;
		for (Rows rows : all) {
			n += rows.size();
		}
		if (n == 0) {
			return 0;
		}
		long[] siteIds = new long[n];
		String[] types = new String[n];
		String[] visitors = new String[n];
		String[] sessions = new String[n];
		String[] urls = new String[n];
		String[] referrers = new String[n];
		String[] sources = new String[n];
		String[] mediums = new String[n];
		String[] campaigns = new String[n];
		String[] contents = new String[n];
		String[] codes = new String[n];
		String[] skus = new String[n];
		String[] ats = new String[n];
		String[] trafficSources = new String[n];
		int i = 0;
		for (Rows rows : all) {
			for (int r = 0; r < rows.size(); r++, i++) {
				CollectedEvent e = rows.events().get(r);
				siteIds[i] = rows.siteId();
				types[i] = e.type();
				visitors[i] = e.visitorId();
				sessions[i] = e.sessionId();
				urls[i] = e.url();
				referrers[i] = e.referrer();
				sources[i] = e.utmSource();
				mediums[i] = e.utmMedium();
				campaigns[i] = e.utmCampaign();
				contents[i] = e.utmContent();
				codes[i] = e.contentCode();
				skus[i] = e.sku();
				ats[i] = e.at().toString();
				trafficSources[i] = rows.trafficSources()[r];
			}
		}
		return this.jdbc.sql(
				DURABLY + """
						INSERT INTO traffic_event (site_id, type, visitor_id, session_id, url, referrer, utm_source, utm_medium,
						  utm_campaign, utm_content, content_code, sku, occurred_at, traffic_source)
						SELECT e.* FROM durably, unnest(:sites::bigint[], :types::text[], :visitors::text[], :sessions::text[],
						  :urls::text[], :referrers::text[], :sources::text[], :mediums::text[], :campaigns::text[],
						  :contents::text[], :codes::text[], :skus::text[], :ats::timestamptz[], :trafficSources::text[]) AS e""")
			.param("sites", siteIds)
			.param("types", types)
			.param("visitors", visitors)
			.param("sessions", sessions)
			.param("urls", urls)
			.param("referrers", referrers)
			.param("sources", sources)
			.param("mediums", mediums)
			.param("campaigns", campaigns)
			.param("contents", contents)
			.param("codes", codes)
			.param("skus", skus)
			.param("ats", ats)
			.param("trafficSources", trafficSources)
			.update();
	}

	/**
	 * The rows of one request: one site's valid events and the traffic source of each.
	 */
	record Rows(long siteId, List<CollectedEvent> events, String[] trafficSources) {

		int size() {
			return this.events.size();
		}

	}

}
