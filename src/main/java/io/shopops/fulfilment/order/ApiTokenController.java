package io.shopops.fulfilment.order;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.shopops.fulfilment.order.ApiTokens.CreatedToken;
import io.shopops.fulfilment.order.ApiTokens.TokenRow;
import io.shopops.fulfilment.order.OrderInvalidException.Problem;
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

/**
 * The API tokens page for admins ({@code /admin/**} is for admins only): the tokens
 * without their secrets, a form that creates one and shows it once, and revocation after
 * a confirmation. Scripts create and revoke with {@code Accept: application/json}.
 */
@Controller
@RequestMapping("/admin/api-tokens")
class ApiTokenController {

	private final ApiTokens tokens;

	private final SalesChannels channels;

	private final MessageSource messages;

	private final ShopSettings shop;

	ApiTokenController(ApiTokens tokens, SalesChannels channels, MessageSource messages, ShopSettings shop) {
		this.tokens = tokens;
		this.channels = channels;
		this.messages = messages;
		this.shop = shop;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("form", new ApiTokenForm());
		return show(model);
	}

	@PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> createFromScript(@ModelAttribute ApiTokenForm form, Locale locale) {
		try {
			CreatedToken created = this.tokens.create(form.getChannel(), form.getName());
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", created.id());
			body.put("token", created.token());
			return ResponseEntity.status(HttpStatus.CREATED).body(body);
		}
		catch (OrderInvalidException ex) {
			return ResponseEntity.badRequest().body(ApiErrors.invalid(ex.getProblems(), this.messages, locale));
		}
	}

	@PostMapping
	String create(@ModelAttribute("form") ApiTokenForm form, BindingResult result, Model model) {
		try {
			CreatedToken created = this.tokens.create(form.getChannel(), form.getName());
			// shown on this answer only: the token is not kept, so it is never redirected
			// through the session
			model.addAttribute("created", created);
			model.addAttribute("form", new ApiTokenForm());
		}
		catch (OrderInvalidException ex) {
			for (Problem problem : ex.getProblems()) {
				result.rejectValue(problem.field(), problem.code(), problem.args().toArray(), problem.code());
			}
		}
		return show(model);
	}

	@GetMapping("/{id:\\d+}/revoke")
	String confirmRevoke(@PathVariable long id, Model model) {
		model.addAttribute("token", find(id));
		model.addAttribute("zone", this.shop.current().timeZone());
		return "fulfilment/orders/api-token-revoke";
	}

	@PostMapping(path = "/{id:\\d+}/revoke", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> revokeFromScript(@PathVariable long id) {
		if (!this.tokens.revoke(id)) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found"));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id);
		body.put("revoked", true);
		return ResponseEntity.ok(body);
	}

	@PostMapping("/{id:\\d+}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		TokenRow token = find(id);
		this.tokens.revoke(id);
		redirect.addFlashAttribute("message", "flash.order.api.token.revoked");
		redirect.addFlashAttribute("messageArgs", new Object[] { token.name() });
		return "redirect:/admin/api-tokens";
	}

	private TokenRow find(long id) {
		return this.tokens.find(id).orElseThrow(() -> new ApiTokenNotFoundException(id));
	}

	private String show(Model model) {
		model.addAttribute("tokens", this.tokens.list());
		model.addAttribute("zone", this.shop.current().timeZone());
		model.addAttribute("channels", this.channels.list().stream().filter(SalesChannel::active).toList());
		return "fulfilment/orders/api-tokens";
	}

}
