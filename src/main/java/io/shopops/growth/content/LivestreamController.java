package io.shopops.growth.content;

import java.time.ZoneId;

import io.shopops.growth.content.ContentViews.ProductLink;
import io.shopops.growth.content.ContentViews.SessionRow;
import io.shopops.growth.content.ContentViews.SessionView;
import io.shopops.platform.ShopSettings;
import io.shopops.platform.UserDirectory;
import jakarta.validation.Valid;

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
 * Livestream sessions (直播场次): the list, the form and a session's page with its duration,
 * viewers, featured products and attributed orders.
 */
@Controller
@RequestMapping("/content/live")
class LivestreamController {

	private final ContentQueries queries;

	private final ContentService service;

	private final UserDirectory users;

	private final ShopSettings settings;

	LivestreamController(ContentQueries queries, ContentService service, UserDirectory users, ShopSettings settings) {
		this.queries = queries;
		this.service = service;
		this.users = users;
		this.settings = settings;
	}

	@GetMapping
	String list(@RequestParam(required = false) String page, Model model) {
		model.addAttribute("page", this.queries.sessionPage(ContentController.pageNumber(page)));
		model.addAttribute("zone", zone());
		return "growth/content/live-list";
	}

	@GetMapping("/new")
	String showCreateForm(@RequestParam(required = false) String piece, Model model) {
		SessionForm form = new SessionForm();
		if (piece != null && piece.strip().matches("\\d{1,18}")) {
			form.setPieceId(Long.parseLong(piece.strip()));
		}
		model.addAttribute("sessionForm", form);
		return form(model, null);
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("sessionForm") SessionForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model, null);
		}
		try {
			long id = this.service.createSession(form, zone());
			redirect.addFlashAttribute("message", "content.live.flash.created");
			return "redirect:/content/live/" + id;
		}
		catch (ContentFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(model, null);
		}
	}

	@GetMapping("/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("view", find(id));
		model.addAttribute("zone", zone());
		return "growth/content/live-detail";
	}

	@GetMapping("/{id:\\d+}/edit")
	String showEditForm(@PathVariable long id, Model model) {
		SessionView view = find(id);
		SessionRow session = view.session();
		SessionForm form = new SessionForm();
		form.setPieceId(session.pieceId());
		form.setStartsAt(session.startsAt().atZone(zone()).toLocalDateTime());
		form.setEndsAt(session.endsAt().atZone(zone()).toLocalDateTime());
		form.setHost(session.host());
		form.setPeakViewers(session.peakViewers());
		form.setTotalViewers(session.totalViewers());
		form.setProducts(String.join(", ", view.products().stream().map(ProductLink::sku).toList()));
		form.setNotes(view.notes());
		form.setVersion(view.version());
		model.addAttribute("sessionForm", form);
		return form(model, id);
	}

	@PostMapping("/{id:\\d+}")
	String update(@PathVariable long id, @Valid @ModelAttribute("sessionForm") SessionForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		find(id);
		if (result.hasErrors()) {
			return form(model, id);
		}
		try {
			this.service.updateSession(id, form, zone());
			redirect.addFlashAttribute("message", "content.live.flash.updated");
			return "redirect:/content/live/" + id;
		}
		catch (ContentFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(model, id);
		}
	}

	private String form(Model model, Long id) {
		model.addAttribute("sessionId", id);
		model.addAttribute("pieces", this.queries.livestreamPieces());
		model.addAttribute("owners", this.users.enabledUsers());
		return "growth/content/live-form";
	}

	private SessionView find(long id) {
		return this.queries.session(id).orElseThrow(() -> new ContentNotFoundException("livestream", id));
	}

	private ZoneId zone() {
		return this.settings.current().timeZone();
	}

}
