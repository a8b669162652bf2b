package io.shopops.fulfilment.aftersales.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.util.StringUtils;

/**
 * A ticket as an operator enters it. Blank optional fields are stored as {@code null}.
 */
class TicketForm {

	@NotBlank(message = "{tickets.subject.required}")
	@Size(max = 200, message = "{tickets.subject.size}")
	private String subject = "";

	@Size(max = 5000, message = "{tickets.body.size}")
	private String body;

	@NotNull(message = "{tickets.priority.required}")
	private TicketPriority priority = TicketPriority.NORMAL;

	private Long orderId;

	@Size(max = 120, message = "{tickets.customerName.size}")
	private String customerName;

	@Size(max = 200, message = "{tickets.customerContact.size}")
	private String customerContact;

	TicketDraft draft() {
		return new TicketDraft(this.subject, this.body, this.priority, this.orderId, this.customerName,
				this.customerContact, "manual", null);
	}

	public String getSubject() {
		return this.subject;
	}

	public void setSubject(String subject) {
		this.subject = (subject != null) ? subject.strip() : "";
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = blankToNull(body);
	}

	public TicketPriority getPriority() {
		return this.priority;
	}

	public void setPriority(TicketPriority priority) {
		this.priority = priority;
	}

	public Long getOrderId() {
		return this.orderId;
	}

	public void setOrderId(Long orderId) {
		this.orderId = orderId;
	}

	public String getCustomerName() {
		return this.customerName;
	}

	public void setCustomerName(String customerName) {
		this.customerName = blankToNull(customerName);
	}

	public String getCustomerContact() {
		return this.customerContact;
	}

	public void setCustomerContact(String customerContact) {
		this.customerContact = blankToNull(customerContact);
	}

	private static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value.strip() : null;
	}

}
