package io.shopops.platform.user;

import java.security.Principal;

import io.shopops.platform.BadInputException;
import io.shopops.platform.Role;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
 * User management for admins: list, create, change role, enable/disable, reset password.
 */
@Controller
@RequestMapping("/admin/users")
class UserController {

	private static final int PAGE_SIZE = 25;

	/** Beyond this page the offset would overflow; no shop has that many users. */
	static final int MAX_PAGE = 100_000;

	private final UserAccountRepository users;

	private final UserManagement management;

	private final UserSessions sessions;

	UserController(UserAccountRepository users, UserManagement management, UserSessions sessions) {
		this.users = users;
		this.management = management;
		this.sessions = sessions;
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
		if (page > MAX_PAGE) {
			throw new BadInputException("error.badInput.page", MAX_PAGE);
		}
		var pageRequest = PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("username"));
		model.addAttribute("users", this.users.search(q.strip(), pageRequest));
		model.addAttribute("q", q);
		return "platform/users/list";
	}

	@GetMapping("/new")
	String showCreateForm(Model model) {
		model.addAttribute("form", UserForm.empty());
		return "platform/users/form";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") UserForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return "platform/users/form";
		}
		try {
			this.management.create(form.username().strip(), form.displayName().strip(), form.role(), form.password());
		}
		catch (UserException ex) {
			result.rejectValue("username", ex.messageKey());
			return "platform/users/form";
		}
		redirect.addFlashAttribute("message", "flash.user.created");
		return "redirect:/admin/users";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("user", this.management.find(id));
		model.addAttribute("passwordForm", PasswordForm.empty());
		return "platform/users/detail";
	}

	@PostMapping("/{id}/role")
	String changeRole(@PathVariable long id, @RequestParam Role role, RedirectAttributes redirect) {
		return apply(id, redirect, "flash.user.roleChanged", () -> this.management.changeRole(id, role));
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		return apply(id, redirect, "flash.user.disabled", () -> this.management.disable(id, principal.getName()));
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		return apply(id, redirect, "flash.user.enabled", () -> this.management.enable(id));
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @Valid @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result, Principal principal, HttpSession session, Model model, RedirectAttributes redirect) {
		if (!form.isConfirmed()) {
			result.rejectValue("confirmPassword", "user.password.mismatch");
		}
		if (result.hasErrors()) {
			model.addAttribute("user", this.management.find(id));
			return "platform/users/detail";
		}
		this.management.resetPassword(id, form.newPassword());
		if (this.management.find(id).getUsername().equalsIgnoreCase(principal.getName())) {
			// an admin resetting their own password keeps this session, like a change of
			// their own password
			this.sessions.remember(session, principal.getName());
		}
		redirect.addFlashAttribute("message", "flash.user.passwordReset");
		return "redirect:/admin/users/" + id;
	}

	private String apply(long id, RedirectAttributes redirect, String successKey, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("message", successKey);
		}
		catch (UserException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/admin/users/" + id;
	}

}
