package io.shopops.growth.traffic;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.shopops.fulfilment.catalog.ProductCatalog;
import io.shopops.fulfilment.catalog.ProductMatch;
import io.shopops.growth.traffic.Sites.Site;
import io.shopops.platform.AuditLog;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The UTM link builder's links: built from a landing page (a URL, or a product on one of
 * the shop's sites) and campaign parameters, validated, stored and audited.
 */
@Service
class UtmLinks {

	static final int PAGE_SIZE = 25;

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final RowMapper<UtmLink> ROW = (rs, n) -> new UtmLink(rs.getLong("id"), rs.getString("name"),
			rs.getString("base_url"), rs.getString("utm_source"), rs.getString("utm_medium"),
			rs.getString("utm_campaign"), rs.getString("utm_content"), rs.getString("content_code"),
			rs.getString("url"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());

	private final JdbcClient jdbc;

	private final Sites sites;

	private final ProductCatalog catalog;

	private final AuditLog auditLog;

	UtmLinks(JdbcClient jdbc, Sites sites, ProductCatalog catalog, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.catalog = catalog;
		this.auditLog = auditLog;
	}

	/**
	 * Builds the link a form asks for, without storing it.
	 * @throws SiteInvalidException with the field problems
	 */
	@Transactional(readOnly = true)
	UtmLink preview(UtmLinkForm form) {
		List<SiteInvalidException.Problem> problems = new ArrayList<>();
		String name = text(form.getName(), UtmLink.MAX_NAME, "name", true, problems);
		String source = text(form.getSource(), 100, "source", true, problems);
		String medium = text(form.getMedium(), 100, "medium", true, problems);
		String campaign = text(form.getCampaign(), 200, "campaign", true, problems);
		String content = text(form.getContent(), 200, "content", false, problems);
		String code = blankToNull(form.getContentCode());
		if (code != null && !CODE.matcher(code).matches()) {
			problems.add(new SiteInvalidException.Problem("contentCode", "traffic.link.contentCode.invalid"));
		}
		String base = landingPage(form, problems);
		if (!problems.isEmpty()) {
			throw new SiteInvalidException(problems);
		}
		String url = UtmLink.build(base, UtmLink.parameters(source, medium, campaign, content, code));
		if (url.length() > UtmLink.MAX_URL) {
			throw new SiteInvalidException(
					List.of(new SiteInvalidException.Problem("baseUrl", "traffic.link.tooLong")));
		}
		return new UtmLink(0, name, base, source, medium, campaign, content, code, url, Sites.currentActor(), null);
	}

	/**
	 * Stores the link a form asks for, audited.
	 * @throws SiteInvalidException with the field problems
	 */
	@Transactional
	UtmLink create(UtmLinkForm form) {
		UtmLink link = preview(form);
		long id = this.jdbc.sql("""
				INSERT INTO utm_link (name, base_url, utm_source, utm_medium, utm_campaign, utm_content, content_code,
				  url, created_by)
				VALUES (:name, :base, :source, :medium, :campaign, :content, :code, :url, :actor) RETURNING id""")
			.param("name", link.name())
			.param("base", link.baseUrl())
			.param("source", link.utmSource())
			.param("medium", link.utmMedium())
			.param("campaign", link.utmCampaign())
			.param("content", link.utmContent())
			.param("code", link.contentCode())
			.param("url", link.url())
			.param("actor", link.createdBy())
			.query(Long.class)
			.single();
		this.auditLog.record("UTM_LINK_CREATED", "utmlink", String.valueOf(id), link.name() + " · " + link.url());
		return find(id).orElseThrow();
	}

	/** Deletes a link, audited; {@code false} when there is none. */
	@Transactional
	boolean delete(long id) {
		Optional<UtmLink> link = find(id);
		if (link.isEmpty()) {
			return false;
		}
		this.jdbc.sql("DELETE FROM utm_link WHERE id = ?").param(id).update();
		this.auditLog.record("UTM_LINK_DELETED", "utmlink", String.valueOf(id),
				link.get().name() + " · " + link.get().url());
		return true;
	}

	@Transactional(readOnly = true)
	Optional<UtmLink> find(long id) {
		return this.jdbc.sql("SELECT * FROM utm_link WHERE id = ?").param(id).query(ROW).optional();
	}

	/** One page of links, newest first, with the total count. */
	@Transactional(readOnly = true)
	LinkPage page(int page) {
		long total = this.jdbc.sql("SELECT count(*) FROM utm_link").query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int number = Math.min(Math.max(page, 0), pages - 1);
		List<UtmLink> rows = this.jdbc.sql("SELECT * FROM utm_link ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(PAGE_SIZE, (long) number * PAGE_SIZE)
			.query(ROW)
			.list();
		return new LinkPage(rows, number, pages, total);
	}

	private String landingPage(UtmLinkForm form, List<SiteInvalidException.Problem> problems) {
		String product = blankToNull(form.getProduct());
		String baseUrl = blankToNull(form.getBaseUrl());
		if (product == null) {
			if (baseUrl == null) {
				problems.add(new SiteInvalidException.Problem("baseUrl", "traffic.link.target.required"));
				return null;
			}
			if (UtmLink.parse(baseUrl) == null) {
				problems.add(new SiteInvalidException.Problem("baseUrl", "traffic.link.baseUrl.invalid"));
				return null;
			}
			return baseUrl;
		}
		if (product.length() > 255) {
			problems.add(new SiteInvalidException.Problem("product", "traffic.link.product.unknown"));
			return null;
		}
		Optional<ProductMatch> match = this.catalog.findBySku(product).or(() -> this.catalog.findByHandle(product));
		if (match.isEmpty()) {
			problems.add(new SiteInvalidException.Problem("product", "traffic.link.product.unknown"));
			return null;
		}
		Optional<Site> site = (form.getSiteId() != null) ? this.sites.find(form.getSiteId())
				: this.sites.list().stream().filter(Site::enabled).findFirst();
		if (site.isEmpty()) {
			problems.add(new SiteInvalidException.Problem("siteId", "traffic.link.site.required"));
			return null;
		}
		return site.get().origin() + "/products/" + match.get().handle();
	}

	private static String text(String value, int max, String field, boolean required,
			List<SiteInvalidException.Problem> problems) {
		String text = blankToNull(value);
		if (text == null) {
			if (required) {
				problems.add(new SiteInvalidException.Problem(field, "traffic.link." + field + ".required"));
			}
			return null;
		}
		if (text.length() > max || text.chars().anyMatch(Character::isISOControl)) {
			problems.add(new SiteInvalidException.Problem(field, "traffic.link.text.invalid"));
			return null;
		}
		return text;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * One page of links.
	 */
	record LinkPage(List<UtmLink> rows, int number, int pages, long total) {

		public boolean hasPrevious() {
			return this.number > 0;
		}

		public boolean hasNext() {
			return this.number + 1 < this.pages;
		}

	}

}
