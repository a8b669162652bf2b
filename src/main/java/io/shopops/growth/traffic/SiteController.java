package io.shopops.growth.traffic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shopops.growth.traffic.Sites.Site;
import io.shopops.platform.ShopSettings;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The sites page for admins ({@code /admin/**} is for admins only): the shop's sites with
 * their public keys and the snippet to paste, a form that adds one, enabling and
 * disabling, and key rotation after a confirmation. Scripts add a site with
 * {@code Accept: application/json}.
 */
@Controller
@RequestMapping("/admin/sites")
class SiteController {

	private final Sites sites;

	private final MessageSource messages;

	private final ShopSettings shop;

	SiteController(Sites sites, MessageSource messages, ShopSettings shop) {
		this.sites = sites;
		this.messages = messages;
		this.shop = shop;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("form", new SiteForm());
		return show(model);
	}

	@PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> createFromScript(@ModelAttribute SiteForm form, Locale locale) {
		try {
			Site site = this.sites.create(form.getName(), form.getOrigin());
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", site.id());
			body.put("key", site.publicKey());
			return ResponseEntity.status(HttpStatus.CREATED).body(body);
		}
		catch (SiteInvalidException ex) {
			List<Map<String, Object>> problems = new ArrayList<>();
			for (SiteInvalidException.Problem problem : ex.problems()) {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("field", problem.field());
				entry.put("code", problem.code());
				entry.put("message", this.messages.getMessage(problem.code(), null, problem.code(), locale));
				problems.add(entry);
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("error", "invalid");
			body.put("problems", problems);
			return ResponseEntity.badRequest().body(body);
		}
	}

	@PostMapping
	String create(@ModelAttribute("form") SiteForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			Site site = this.sites.create(form.getName(), form.getOrigin());
			redirect.addFlashAttribute("message", "flash.traffic.site.created");
			redirect.addFlashAttribute("messageArgs", new Object[] { site.name() });
			return "redirect:/admin/sites";
		}
		catch (SiteInvalidException ex) {
			for (SiteInvalidException.Problem problem : ex.problems()) {
				result.rejectValue(problem.field(), problem.code());
			}
			return show(model);
		}
	}

	@PostMapping("/{id:\\d{1,18}}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		Site site = this.sites.enable(id).orElseThrow(() -> new SiteNotFoundException(id));
		redirect.addFlashAttribute("message", "flash.traffic.site.enabled");
		redirect.addFlashAttribute("messageArgs", new Object[] { site.name() });
		return "redirect:/admin/sites";
	}

	@PostMapping("/{id:\\d{1,18}}/disable")
	String disable(@PathVariable long id, RedirectAttributes redirect) {
		Site site = this.sites.disable(id).orElseThrow(() -> new SiteNotFoundException(id));
		redirect.addFlashAttribute("message", "flash.traffic.site.disabled");
		redirect.addFlashAttribute("messageArgs", new Object[] { site.name() });
		return "redirect:/admin/sites";
	}

	@GetMapping("/{id:\\d{1,18}}/rotate")
	String confirmRotate(@PathVariable long id, Model model) {
		model.addAttribute("site", this.sites.find(id).orElseThrow(() -> new SiteNotFoundException(id)));
		return "growth/traffic/site-rotate";
	}

	@PostMapping("/{id:\\d{1,18}}/rotate")
	String rotate(@PathVariable long id, RedirectAttributes redirect) {
		Site site = this.sites.rotateKey(id).orElseThrow(() -> new SiteNotFoundException(id));
		redirect.addFlashAttribute("message", "flash.traffic.site.rotated");
		redirect.addFlashAttribute("messageArgs", new Object[] { site.name() });
		return "redirect:/admin/sites";
	}

	private String show(Model model) {
		model.addAttribute("sites", this.sites.list());
		model.addAttribute("zone", this.shop.current().timeZone());
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
		return "growth/traffic/sites";
	}

}
