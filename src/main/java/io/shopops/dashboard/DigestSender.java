package io.shopops.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.shopops.dashboard.DigestDeliveries.Claim;
import io.shopops.dashboard.DigestDeliveries.DeliveryStatus;
import io.shopops.dashboard.DigestTransport.DeliveryException;
import io.shopops.platform.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends the due deliveries: claims them, sends each outside any transaction and records
 * whether it got through. A delivery is audited when it is sent and when it failed for
 * good, not at each retry.
 */
@Component
class DigestSender {

	private static final Logger log = LoggerFactory.getLogger(DigestSender.class);

	/** The most deliveries one run sends; the next run sends the rest. */
	static final int MAX_PER_RUN = 200;

	private final DigestDeliveries deliveries;

	private final DigestTransport transport;

	private final AuditLog audit;

	DigestSender(DigestDeliveries deliveries, DigestTransport transport, AuditLog audit) {
		this.deliveries = deliveries;
		this.transport = transport;
		this.audit = audit;
	}

	/**
	 * Sends what is due at {@code now}, claiming one delivery at a time so that a claim
	 * never waits behind other sends for longer than one request's timeouts (far less
	 * than the lease).
	 * @return the deliveries attempted
	 */
	int deliverDue(Instant now) {
		int attempted = 0;
		while (attempted < MAX_PER_RUN) {
			List<Claim> claims = this.deliveries.claim(now, 1, null);
			if (claims.isEmpty()) {
				break;
			}
			attempt(claims.get(0), now);
			attempted++;
		}
		return attempted;
	}

	/**
	 * Sends one delivery now if it is due (a test message right after it was queued).
	 * @return its status afterwards, empty when another sender holds it
	 */
	Optional<DeliveryStatus> deliverNow(long id, Instant now) {
		List<Claim> claims = this.deliveries.claim(now, 1, id);
		if (claims.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(attempt(claims.get(0), now));
	}

	private DeliveryStatus attempt(Claim claim, Instant now) {
		try {
			this.transport.send(claim);
		}
		catch (RuntimeException ex) {
			String error = (ex instanceof DeliveryException) ? ex.getMessage()
					: ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
			log.info("Digest delivery {} attempt {} failed: {}", claim.id(), claim.attempt(), error);
			Optional<DeliveryStatus> status = this.deliveries.failed(claim, error, now);
			if (status.orElse(null) == DeliveryStatus.FAILED) {
				this.audit.record("DIGEST_DELIVERY_FAILED", "digest_delivery", Long.toString(claim.id()),
						"after " + claim.attempt() + " attempts: " + DigestDeliveries.cut(error, 200));
			}
			return status.orElse(DeliveryStatus.SENDING);
		}
		if (this.deliveries.sent(claim, now)) {
			this.audit.record("DIGEST_DELIVERY_SENT", "digest_delivery", Long.toString(claim.id()),
					claim.kind() + ", attempt " + claim.attempt() + ": " + claim.message().title());
		}
		return DeliveryStatus.SENT;
	}

}
