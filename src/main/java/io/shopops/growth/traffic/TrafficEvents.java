package io.shopops.growth.traffic;

import java.util.List;

import io.shopops.growth.traffic.Sites.Site;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores collected events: one statement per batch (the rows travel as arrays), committed
 * (auto-commit) before the request is answered, classified by the source rules on the way
 * in.
 */
@Repository
class TrafficEvents {

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
		List<SourceRule> current = this.rules.current();
		String host = site.host();
		int n = events.size();
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
		for (int i = 0; i < n; i++) {
			CollectedEvent e = events.get(i);
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
			trafficSources[i] = TrafficClassifier.classify(current, e.utmSource(), e.utmMedium(), e.referrer(), host)
				.source()
				.name();
		}
		return this.jdbc.sql("""
				INSERT INTO traffic_event (site_id, type, visitor_id, session_id, url, referrer, utm_source, utm_medium,
				  utm_campaign, utm_content, content_code, sku, occurred_at, traffic_source)
				SELECT :site, e.* FROM unnest(:types::text[], :visitors::text[], :sessions::text[], :urls::text[],
				  :referrers::text[], :sources::text[], :mediums::text[], :campaigns::text[], :contents::text[],
				  :codes::text[], :skus::text[], :ats::timestamptz[], :trafficSources::text[]) AS e""")
			.param("site", site.id())
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

}
