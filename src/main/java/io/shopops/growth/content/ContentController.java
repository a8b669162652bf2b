package io.shopops.growth.content;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shopops.growth.content.ContentViews.PieceRow;
import io.shopops.growth.content.ContentViews.PieceView;
import io.shopops.growth.content.ContentViews.ProductLink;
import io.shopops.platform.ShopSettings;
import io.shopops.platform.UserDirectory;
import jakarta.validation.Valid;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The content calendar (month and list views), a piece's form, page, status actions and
 * daily metrics.
 */
@Controller
@RequestMapping("/content")
class ContentController {

	private final ContentQueries queries;

	private final ContentService service;

	private final UserDirectory users;

	private final ShopSettings settings;

	ContentController(ContentQueries queries, ContentService service, UserDirectory users, ShopSettings settings) {
		this.queries = queries;
		this.service = service;
		this.users = users;
		this.settings = settings;
	}

	@GetMapping
	String calendar(@RequestParam(required = false) String view, @RequestParam(required = false) String month,
			@RequestParam(required = false) String status, @RequestParam(required = false) String platform,
			@RequestParam(required = false) String type, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String due, @RequestParam(required = false) String page, Model model) {
		ZoneId zone = zone();
		model.addAttribute("zone", zone);
		model.addAttribute("owners", owners());
		if ("list".equals(view)) {
			boolean[] invalid = { false };
			ContentFilter filter = new ContentFilter(parse(ContentStatus.class, status, invalid),
					parse(ContentPlatform.class, platform, invalid), parse(ContentType.class, type, invalid),
					owner(owner, invalid), due(due, invalid));
			if (invalid[0]) {
				model.addAttribute("filterWarning", "content.list.filterInvalid");
			}
			model.addAttribute("filter", filter);
			model.addAttribute("page", this.queries.page(filter, pageNumber(page)));
			model.addAttribute("statuses", ContentStatus.values());
			model.addAttribute("platforms", ContentPlatform.values());
			model.addAttribute("types", ContentType.values());
			return "growth/content/list";
		}
		LocalDate today = LocalDate.now(zone);
		YearMonth shown = YearMonth.from(today);
		if (month != null && !month.isBlank()) {
			try {
				YearMonth parsed = YearMonth.parse(month.strip());
				if (parsed.getYear() < 2000 || parsed.getYear() > 2100) {
					throw new DateTimeParseException("out of range", month, 0);
				}
				shown = parsed;
			}
			catch (DateTimeParseException ex) {
				model.addAttribute("filterWarning", "content.calendar.badMonth");
			}
		}
		model.addAttribute("month", shown);
		model.addAttribute("previousMonth", shown.minusMonths(1));
		model.addAttribute("nextMonth", shown.plusMonths(1));
		model.addAttribute("weeks", weeks(shown, today, this.queries.month(shown, zone), zone));
		model.addAttribute("unscheduled", this.queries.unscheduled());
		return "growth/content/calendar";
	}

	private static boolean due(String text, boolean[] invalid) {
		if (text == null || text.isBlank()) {
			return false;
		}
		if ("week".equals(text.strip())) {
			return true;
		}
		invalid[0] = true;
		return false;
	}

	/**
	 * The weeks (Monday first) that show a month, each day with its pieces.
	 */
	static List<List<CalendarDay>> weeks(YearMonth month, LocalDate today, List<PieceRow> pieces, ZoneId zone) {
		Map<LocalDate, List<PieceRow>> byDay = new LinkedHashMap<>();
		for (PieceRow piece : pieces) {
			byDay.computeIfAbsent(piece.publishAt().atZone(zone).toLocalDate(), (d) -> new ArrayList<>()).add(piece);
		}
		LocalDate day = month.atDay(1);
		while (day.getDayOfWeek() != DayOfWeek.MONDAY) {
			day = day.minusDays(1);
		}
		List<List<CalendarDay>> weeks = new ArrayList<>();
		while (!day.isAfter(month.atEndOfMonth())) {
			List<CalendarDay> week = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				week.add(new CalendarDay(day, YearMonth.from(day).equals(month), day.equals(today),
						byDay.getOrDefault(day, List.of())));
				day = day.plusDays(1);
			}
			weeks.add(week);
		}
		return weeks;
	}

	/**
	 * One day of the month view.
	 */
	record CalendarDay(LocalDate date, boolean inMonth, boolean today, List<PieceRow> pieces) {
	}

	@GetMapping("/new")
	String showCreateForm(@RequestParam(required = false) String date, Model model) {
		PieceForm form = new PieceForm();
		form.setType(ContentType.SHORT_VIDEO);
		form.setPlatform(ContentPlatform.DOUYIN);
		if (date != null) {
			try {
				form.setPublishAt(LocalDate.parse(date.strip()).atTime(20, 0));
			}
			catch (DateTimeParseException ex) {
				// a bad date leaves the publish time empty
			}
		}
		model.addAttribute("pieceForm", form);
		return form(model, null);
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("pieceForm") PieceForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model, null);
		}
		try {
			long id = this.service.create(form, zone());
			redirect.addFlashAttribute("message", "content.flash.created");
			return "redirect:/content/" + id;
		}
		catch (ContentFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(model, null);
		}
	}

	@GetMapping("/{id:\\d+}")
	String show(@PathVariable long id, Authentication user, Model model) {
		PieceView piece = find(id);
		model.addAttribute("canImport",
				user != null && user.getAuthorities()
					.stream()
					.anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority())));
		if (!model.containsAttribute("metricsForm")) {
			model.addAttribute("metricsForm", new MetricsForm());
		}
		return detail(piece, model);
	}

	private String detail(PieceView piece, Model model) {
		model.addAttribute("view", piece);
		model.addAttribute("zone", zone());
		model.addAttribute("ownerName", displayName(piece.piece().owner()));
		return "growth/content/detail";
	}

	@GetMapping("/{id:\\d+}/edit")
	String showEditForm(@PathVariable long id, Model model) {
		PieceView view = find(id);
		PieceRow piece = view.piece();
		PieceForm form = new PieceForm();
		form.setType(piece.type());
		form.setPlatform(piece.platform());
		form.setTitle(piece.title());
		form.setOwner(piece.owner());
		form.setPublishAt((piece.publishAt() != null) ? piece.publishAt().atZone(zone()).toLocalDateTime() : null);
		form.setTrackingCode(piece.trackingCode());
		form.setProducts(String.join(", ", view.products().stream().map(ProductLink::sku).toList()));
		form.setNotes(view.notes());
		form.setVersion(view.version());
		model.addAttribute("pieceForm", form);
		return form(model, id);
	}

	@PostMapping("/{id:\\d+}")
	String update(@PathVariable long id, @Valid @ModelAttribute("pieceForm") PieceForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		find(id);
		if (result.hasErrors()) {
			return form(model, id);
		}
		try {
			this.service.update(id, form, zone());
			redirect.addFlashAttribute("message", "content.flash.updated");
			return "redirect:/content/" + id;
		}
		catch (ContentFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(model, id);
		}
	}

	@PostMapping("/{id:\\d+}/status")
	String move(@PathVariable long id, @RequestParam(required = false) String status, RedirectAttributes redirect) {
		find(id);
		ContentStatus target = ContentStatus.parse(status).orElse(null);
		if (target == null) {
			redirect.addFlashAttribute("error", "content.status.notAllowed");
			return "redirect:/content/" + id;
		}
		try {
			this.service.move(id, target);
			redirect.addFlashAttribute("message", "content.flash.status." + target.name());
		}
		catch (ContentRuleException ex) {
			redirect.addFlashAttribute("error", ex.code());
		}
		return "redirect:/content/" + id;
	}

	@PostMapping("/{id:\\d+}/metrics")
	String recordMetrics(@PathVariable long id, @Valid @ModelAttribute("metricsForm") MetricsForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		PieceView piece = find(id);
		if (result.hasErrors()) {
			return detail(piece, model);
		}
		this.service.recordMetrics(id, form.getDate(), form.toMetrics());
		redirect.addFlashAttribute("message", "content.flash.metrics");
		return "redirect:/content/" + id;
	}

	private String form(Model model, Long id) {
		model.addAttribute("pieceId", id);
		model.addAttribute("types", ContentType.values());
		model.addAttribute("platforms", ContentPlatform.values());
		model.addAttribute("owners", owners());
		return "growth/content/form";
	}

	private PieceView find(long id) {
		return this.queries.piece(id).orElseThrow(() -> new ContentNotFoundException("content", id));
	}

	private List<UserDirectory.DirectoryUser> owners() {
		return this.users.enabledUsers();
	}

	private String displayName(String username) {
		if (username == null) {
			return null;
		}
		return this.users.findEnabled(username).map(UserDirectory.DirectoryUser::displayName).orElse(username);
	}

	private ZoneId zone() {
		return this.settings.current().timeZone();
	}

	static <E extends Enum<E>> E parse(Class<E> type, String text, boolean[] invalid) {
		if (text == null || text.isBlank()) {
			return null;
		}
		for (E value : type.getEnumConstants()) {
			if (value.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
				return value;
			}
		}
		invalid[0] = true;
		return null;
	}

	private static String owner(String text, boolean[] invalid) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.length() > 64 || text.indexOf('\u0000') >= 0) {
			invalid[0] = true;
			return null;
		}
		return text.strip();
	}

	static int pageNumber(String page) {
		if (page == null || page.isBlank()) {
			return 1;
		}
		try {
			return Math.max(1, Math.min(100_000, Integer.parseInt(page.strip())));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

}
