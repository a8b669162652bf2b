package io.shopops.platform.user;

import java.security.Principal;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every user's own account: changing the password, which ends the user's other sessions
 * but keeps this one.
 */
@Controller
@RequestMapping("/account/password")
class AccountController {

	private final UserManagement management;

	private final UserSessions sessions;

	AccountController(UserManagement management, UserSessions sessions) {
		this.management = management;
		this.sessions = sessions;
	}

	@GetMapping
	String showPasswordForm(Model model) {
		model.addAttribute("form", PasswordForm.empty());
		return "platform/account/password";
	}

	@PostMapping
	String changePassword(@Valid @ModelAttribute("form") PasswordForm form, BindingResult result, Principal principal,
			HttpSession session, RedirectAttributes redirect) {
		if (!form.isConfirmed()) {
			result.rejectValue("confirmPassword", "user.password.mismatch");
		}
		if (result.hasErrors()) {
			return "platform/account/password";
		}
		try {
			this.management.changeOwnPassword(principal.getName(), form.currentPassword(), form.newPassword());
		}
		catch (UserException ex) {
			result.rejectValue("currentPassword", ex.messageKey());
			return "platform/account/password";
		}
		this.sessions.remember(session, principal.getName());
		redirect.addFlashAttribute("message", "flash.account.passwordChanged");
		return "redirect:/";
	}

}
