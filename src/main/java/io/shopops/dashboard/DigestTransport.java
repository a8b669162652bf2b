package io.shopops.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.shopops.dashboard.DigestDeliveries.Claim;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one claimed delivery: a JSON POST to the robot's webhook in its format, or an
 * e-mail through Spring's {@link JavaMailSender} (configured by {@code spring.mail.*}). A
 * robot that answers a status other than 2xx, or 200 with an error code, failed.
 */
@Component
class DigestTransport {

	static final int MAX_ANSWER = 200;

	private final HttpClient http;

	private final DigestProperties properties;

	private final ObjectProvider<JavaMailSender> mail;

	private final Environment environment;

	private final Clock clock;

	DigestTransport(DigestProperties properties, ObjectProvider<JavaMailSender> mail, Environment environment) {
		this.properties = properties;
		this.mail = mail;
		this.environment = environment;
		this.clock = Clock.systemUTC();
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Sends the message.
	 * @throws DeliveryException when it was not delivered, with what went wrong
	 */
	void send(Claim claim) {
		if (claim.kind() == DigestChannelKind.EMAIL) {
			mail(claim);
		}
		else {
			post(claim);
		}
	}

	private void post(Claim claim) {
		long now = this.clock.millis();
		String body = DigestFormats.payload(claim.kind(), claim.message(), claim.language(), claim.secret(), now);
		HttpRequest request;
		try {
			request = HttpRequest
				.newBuilder(URI.create(DigestFormats.url(claim.kind(), claim.target(), claim.secret(), now)))
				.timeout(this.properties.requestTimeout())
				.header("Content-Type", "application/json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build();
		}
		catch (IllegalArgumentException ex) {
			throw new DeliveryException("invalid webhook URL");
		}
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new DeliveryException(
					ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryException("interrupted");
		}
		String answer = (response.body() != null) ? response.body().strip() : "";
		if (response.statusCode() / 100 != 2) {
			throw new DeliveryException("HTTP " + response.statusCode()
					+ (answer.isEmpty() ? "" : ": " + DigestDeliveries.cut(answer, MAX_ANSWER)));
		}
		String refusal = DigestFormats.refusal(answer);
		if (refusal != null) {
			throw new DeliveryException(DigestDeliveries.cut(refusal, MAX_ANSWER));
		}
	}

	private void mail(Claim claim) {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			throw new DeliveryException("e-mail is not configured (spring.mail.host)");
		}
		String from = this.properties.mailFrom().isBlank()
				? this.environment.getProperty("spring.mail.username", "shopops@localhost")
				: this.properties.mailFrom();
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(DigestChannels.addresses(claim.target()).toArray(String[]::new));
			helper.setSubject(claim.message().title());
			helper.setText(claim.message().plainText(), false);
			sender.send(message);
		}
		catch (MessagingException | MailException ex) {
			throw new DeliveryException(
					ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
		}
	}

	/**
	 * A delivery that did not get through.
	 */
	static class DeliveryException extends RuntimeException {

		DeliveryException(String message) {
			super(message);
		}

	}

}
