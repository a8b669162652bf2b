package io.shopops.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Someone else changed the object since the user opened it: show the 409 page instead of
 * overwriting silently.
 */
@ControllerAdvice
class ConflictAdvice {

	private final LayoutAdvice layout;

	ConflictAdvice(LayoutAdvice layout) {
		this.layout = layout;
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict(HttpServletRequest request, Model model) {
		// exception handlers start with an empty model, so the layout's attributes are
		// added here
		model.addAttribute("layout", this.layout.layout(request));
		return "error/409";
	}

}
