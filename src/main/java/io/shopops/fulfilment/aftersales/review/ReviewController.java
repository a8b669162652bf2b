package io.shopops.fulfilment.aftersales.review;

import java.util.Locale;

import io.shopops.fulfilment.aftersales.review.ReviewQuery.ProductSort;
import io.shopops.fulfilment.aftersales.review.ReviewQuery.ReviewView;
import io.shopops.platform.ShopSettings;
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
 * The review pages: the list with its filters, manual entry, a review with its reply,
 * hide/show and "make a ticket", and the rating per product.
 */
@Controller
@RequestMapping("/after-sales/reviews")
class ReviewController {

	static final int MAX_TEXT = 200;

	private final ReviewQuery query;

	private final ReviewService service;

	private final ShopSettings settings;

	ReviewController(ReviewQuery query, ReviewService service, ShopSettings settings) {
		this.query = query;
		this.service = service;
		this.settings = settings;
	}

	@GetMapping
	String list(@RequestParam(required = false) String rating, @RequestParam(required = false) String product,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String replied,
			@RequestParam(required = false) String bad, @RequestParam(required = false) String hidden,
			@RequestParam(required = false) String page, Model model) {
		boolean[] invalid = { false };
		ReviewFilter filter = new ReviewFilter(rating(rating, invalid), text(product, invalid), text(channel, invalid),
				yesNo(replied, invalid), bad(bad, invalid), hidden(hidden, invalid));
		if (invalid[0]) {
			model.addAttribute("filterWarning", "reviews.list.filterInvalid");
		}
		model.addAttribute("filter", filter);
		model.addAttribute("page", this.query.page(filter, pageNumber(page)));
		model.addAttribute("channels", this.query.channels());
		model.addAttribute("openBad", this.query.countOpenBad());
		model.addAttribute("zone", zone());
		return "fulfilment/after-sales/reviews/list";
	}

	@GetMapping("/new")
	String showCreateForm(Model model) {
		model.addAttribute("reviewForm", new ReviewForm());
		return form(model);
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("reviewForm") ReviewForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model);
		}
		try {
			long id = this.service.create(form, zone());
			redirect.addFlashAttribute("message", "reviews.flash.created");
			return "redirect:/after-sales/reviews/" + id;
		}
		catch (ReviewService.ReviewFormException ex) {
			result.rejectValue(ex.field(), ex.code());
			return form(model);
		}
	}

	private String form(Model model) {
		model.addAttribute("channels", this.query.channels());
		return "fulfilment/after-sales/reviews/form";
	}

	@GetMapping("/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		ReviewView review = find(id);
		if (!model.containsAttribute("replyForm")) {
			ReplyForm form = new ReplyForm();
			form.setReply(review.reply());
			form.setVersion(review.version());
			model.addAttribute("replyForm", form);
		}
		return detail(review, model);
	}

	private String detail(ReviewView review, Model model) {
		model.addAttribute("review", review);
		model.addAttribute("zone", zone());
		return "fulfilment/after-sales/reviews/detail";
	}

	@PostMapping("/{id:\\d+}/reply")
	String reply(@PathVariable long id, @Valid @ModelAttribute("replyForm") ReplyForm form, BindingResult result,
			Authentication user, Model model, RedirectAttributes redirect) {
		ReviewView review = find(id);
		if (result.hasErrors()) {
			return detail(review, model);
		}
		this.service.reply(id, form.getReply(), form.getVersion(), user.getName());
		redirect.addFlashAttribute("message",
				(review.reply() == null) ? "reviews.flash.replied" : "reviews.flash.replyEdited");
		return "redirect:/after-sales/reviews/" + id;
	}

	@PostMapping("/{id:\\d+}/hide")
	String hide(@PathVariable long id, RedirectAttributes redirect) {
		this.service.hide(id, true);
		redirect.addFlashAttribute("message", "reviews.flash.hidden");
		return "redirect:/after-sales/reviews/" + id;
	}

	@PostMapping("/{id:\\d+}/unhide")
	String unhide(@PathVariable long id, RedirectAttributes redirect) {
		this.service.hide(id, false);
		redirect.addFlashAttribute("message", "reviews.flash.unhidden");
		return "redirect:/after-sales/reviews/" + id;
	}

	@PostMapping("/{id:\\d+}/ticket")
	String ticket(@PathVariable long id, RedirectAttributes redirect) {
		boolean had = find(id).ticketId() != null;
		long ticketId = this.service.openTicket(id);
		if (had) {
			return "redirect:/after-sales/tickets/" + ticketId;
		}
		redirect.addFlashAttribute("message", "reviews.flash.ticketOpened");
		redirect.addFlashAttribute("messageArgs", new Object[] { ticketId });
		return "redirect:/after-sales/reviews/" + id;
	}

	@GetMapping("/products")
	String products(@RequestParam(required = false) String sort, @RequestParam(required = false) String page,
			Model model) {
		ProductSort order = ProductSort.COUNT;
		if (sort != null && !sort.isBlank()) {
			try {
				order = ProductSort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				model.addAttribute("filterWarning", "reviews.list.filterInvalid");
			}
		}
		model.addAttribute("sort", order);
		model.addAttribute("sorts", ProductSort.values());
		model.addAttribute("page", this.query.products(order, pageNumber(page)));
		return "fulfilment/after-sales/reviews/products";
	}

	private ReviewView find(long id) {
		return this.query.find(id).orElseThrow(() -> new ReviewNotFoundException(id));
	}

	private java.time.ZoneId zone() {
		return this.settings.current().timeZone();
	}

	private static int pageNumber(String page) {
		if (page == null || page.isBlank()) {
			return 1;
		}
		try {
			return Math.max(1, Integer.parseInt(page.strip()));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	private static Integer rating(String text, boolean[] invalid) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Integer rating = Ratings.parse(text, false);
		if (rating == null) {
			invalid[0] = true;
		}
		return rating;
	}

	private static String text(String text, boolean[] invalid) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.length() > MAX_TEXT || text.indexOf('\u0000') >= 0) {
			invalid[0] = true;
			return null;
		}
		return text.strip();
	}

	private static Boolean yesNo(String text, boolean[] invalid) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "yes", "true" -> true;
			case "no", "false" -> false;
			default -> {
				invalid[0] = true;
				yield null;
			}
		};
	}

	private static ReviewFilter.Bad bad(String text, boolean[] invalid) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "all", "true", "yes" -> ReviewFilter.Bad.ALL;
			case "open" -> ReviewFilter.Bad.OPEN;
			default -> {
				invalid[0] = true;
				yield null;
			}
		};
	}

	private static Boolean hidden(String text, boolean[] invalid) {
		if (text == null || text.isBlank()) {
			return false;
		}
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "yes", "true" -> true;
			case "no", "false" -> false;
			case "all" -> null;
			default -> {
				invalid[0] = true;
				yield false;
			}
		};
	}

}
