package io.shopops.fulfilment.aftersales.ticket;

import java.util.List;

import io.shopops.platform.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit actions of tickets, their settings and canned replies, so that the audit log
 * names them.
 */
@Configuration(proxyBeanMethods = false)
class TicketAuditVocabulary {

	@Bean
	AuditVocabulary ticketActions() {
		return new AuditVocabulary("ticket", List.of("TICKET_OPENED", "TICKET_REPLIED", "TICKET_NOTE_ADDED",
				"TICKET_ASSIGNED", "TICKET_STATUS_CHANGED", "TICKET_PRIORITY_CHANGED"));
	}

	@Bean
	AuditVocabulary ticketSettingsActions() {
		return new AuditVocabulary("ticketsettings", List.of("TICKET_SETTINGS_CHANGED"));
	}

	@Bean
	AuditVocabulary cannedReplyActions() {
		return new AuditVocabulary("ticketcannedreply",
				List.of("TICKET_CANNED_REPLY_CREATED", "TICKET_CANNED_REPLY_UPDATED", "TICKET_CANNED_REPLY_DELETED"));
	}

}
