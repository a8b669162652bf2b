package io.shopops.platform.web;

import java.util.List;
import java.util.Map;

import io.shopops.platform.BadInputException;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Adds what the error page says about refused input: {@code problem}, a message key, and
 * {@code problemArgs}, its arguments. Never the exception's own text.
 */
@Component
class ProblemErrorAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		Throwable error = getError(request);
		Object screened = request.getAttribute(RequestScreeningFilter.PROBLEM, RequestAttributes.SCOPE_REQUEST);
		if (error instanceof BadInputException bad) {
			problem(attributes, bad.messageKey(), bad.args());
		}
		else if (error instanceof MethodArgumentTypeMismatchException mismatch) {
			problem(attributes, "error.badInput.parameter", List.of(mismatch.getName()));
		}
		else if (error instanceof InvalidPropertyException) {
			problem(attributes, "error.badInput.form", List.of());
		}
		else if (screened instanceof String key) {
			problem(attributes, key, List.of());
		}
		return attributes;
	}

	private static void problem(Map<String, Object> attributes, String key, List<Object> args) {
		attributes.put("problem", key);
		attributes.put("problemArgs", args.toArray());
	}

}
