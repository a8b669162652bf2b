package io.shopops.fulfilment.order;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shopops.fulfilment.order.OrderInvalidException.Problem;
import io.shopops.platform.Role;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sales channels: everyone in fulfilment sees them, admins add them, from the page or
 * from a script ({@code Accept: application/json}).
 */
@Controller
@RequestMapping("/orders/channels")
class ChannelController {

	private final SalesChannels channels;

	private final MessageSource messages;

	ChannelController(SalesChannels channels, MessageSource messages) {
		this.channels = channels;
		this.messages = messages;
	}

	@GetMapping
	String list(HttpServletRequest request, Model model) {
		model.addAttribute("form", new ChannelForm());
		return show(request, model);
	}

	@PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> createFromScript(@ModelAttribute ChannelForm form, Locale locale) {
		try {
			SalesChannel channel = this.channels.create(form.getCode(), form.getName(), platform(form));
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", channel.id());
			body.put("code", channel.code());
			return ResponseEntity.status(HttpStatus.CREATED).body(body);
		}
		catch (ChannelCodeTakenException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body(problems("duplicate_code", ex.getProblems(), locale));
		}
		catch (OrderInvalidException ex) {
			return ResponseEntity.badRequest().body(problems("invalid", ex.getProblems(), locale));
		}
	}

	@PostMapping
	String create(@ModelAttribute("form") ChannelForm form, BindingResult result, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		try {
			SalesChannel channel = this.channels.create(form.getCode(), form.getName(), platform(form));
			redirect.addFlashAttribute("message", "flash.order.channel.created");
			redirect.addFlashAttribute("messageArgs", new Object[] { channel.code() });
			return "redirect:/orders/channels";
		}
		catch (OrderInvalidException ex) {
			for (Problem problem : ex.getProblems()) {
				result.rejectValue(problem.field(), problem.code(), problem.args().toArray(), problem.code());
			}
			return show(request, model);
		}
	}

	/**
	 * The platform named by the form; an unknown name is passed on as {@code null} for
	 * the service to report together with the other problems.
	 */
	private static SalesPlatform platform(ChannelForm form) {
		return form.platformOrNull();
	}

	private Map<String, Object> problems(String error, List<Problem> problems, Locale locale) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("problems", problems.stream().map((problem) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("field", problem.field());
			item.put("code", problem.code());
			item.put("message",
					this.messages.getMessage(problem.code(), problem.args().toArray(), problem.code(), locale));
			return item;
		}).toList());
		return body;
	}

	private String show(HttpServletRequest request, Model model) {
		model.addAttribute("channels", this.channels.list());
		model.addAttribute("platforms", SalesPlatform.values());
		// the form is for admins only (see OrderWebConfiguration); ADMIN is the top role
		model.addAttribute("canAdd", request.isUserInRole(Role.ADMIN.name()));
		return "fulfilment/orders/channels";
	}

}
