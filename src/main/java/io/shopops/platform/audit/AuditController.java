package io.shopops.platform.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.shopops.platform.BadInputException;
import io.shopops.platform.ShopSettings;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log page for admins: newest first, filtered by actor, action, object and day,
 * paged by seek.
 */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

	private static final int PAGE_SIZE = 50;

	/** Filter dates beyond these would overflow the day arithmetic or the database. */
	private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

	private final AuditEntryRepository entries;

	private final ShopSettings settings;

	AuditController(AuditEntryRepository entries, ShopSettings settings) {
		this.entries = entries;
		this.settings = settings;
	}

	@GetMapping
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long before, Model model) {
		for (LocalDate date : new LocalDate[] { from, to }) {
			if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
				throw new BadInputException("error.badInput.date");
			}
		}
		ZoneId zone = this.settings.current().timeZone();
		Specification<AuditEntry> filter = (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (StringUtils.hasText(actor)) {
				predicates.add(cb.equal(cb.lower(root.get("actor")), actor.strip().toLowerCase()));
			}
			if (StringUtils.hasText(action)) {
				predicates.add(cb.equal(root.get("action"), action.strip().toUpperCase()));
			}
			if (StringUtils.hasText(objectType)) {
				predicates.add(cb.equal(root.get("objectType"), objectType.strip()));
			}
			if (StringUtils.hasText(objectId)) {
				predicates.add(cb.equal(root.get("objectId"), objectId.strip()));
			}
			if (from != null) {
				predicates.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), from.atStartOfDay(zone).toInstant()));
			}
			if (to != null) {
				predicates.add(cb.lessThan(root.get("occurredAt"), to.plusDays(1).atStartOfDay(zone).toInstant()));
			}
			if (before != null) {
				predicates.add(cb.lessThan(root.get("id"), before));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
		List<AuditEntry> page = this.entries.findBy(filter,
				(q) -> q.sortBy(Sort.by(Sort.Direction.DESC, "id")).limit(PAGE_SIZE + 1).all());
		boolean hasMore = page.size() > PAGE_SIZE;
		List<AuditEntry> shown = hasMore ? page.subList(0, PAGE_SIZE) : page;
		model.addAttribute("entries", shown);
		model.addAttribute("nextBefore", hasMore ? shown.get(shown.size() - 1).getId() : null);
		model.addAttribute("zone", zone);
		model.addAttribute("filtered", before != null);
		return "platform/audit/list";
	}

}
