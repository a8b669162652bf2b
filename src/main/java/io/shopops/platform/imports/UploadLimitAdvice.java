package io.shopops.platform.imports;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An upload beyond the server's hard multipart limit is refused with the same message as
 * one beyond the import limit. It is global because the exception is raised before any
 * handler is chosen.
 */
@ControllerAdvice
class UploadLimitAdvice {

	private final ImportProperties properties;

	UploadLimitAdvice(ImportProperties properties) {
		this.properties = properties;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(HttpServletRequest request, RedirectAttributes redirect) {
		redirect.addFlashAttribute("error", "import.refused.tooLarge");
		redirect.addFlashAttribute("errorArgs", List.of(this.properties.maxFileSize().toMegabytes()).toArray());
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return "redirect:" + (path.matches("/imports/[a-z][a-z-]*") ? path : "/");
	}

}
