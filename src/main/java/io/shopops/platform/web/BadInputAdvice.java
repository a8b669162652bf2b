package io.shopops.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A form field name no form has, such as {@code variants[-1].sku} or a row index beyond
 * the auto-grow limit, is a 400 with a message rather than a failure of the server.
 */
@ControllerAdvice
class BadInputAdvice {

	@ExceptionHandler(InvalidPropertyException.class)
	void malformedForm(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

}
