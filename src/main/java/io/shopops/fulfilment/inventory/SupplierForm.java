package io.shopops.fulfilment.inventory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.util.StringUtils;

/**
 * A supplier as entered: a name, optional contact details, the lead time in days and
 * whether it is active. Blank optional fields are stored as {@code null}.
 */
class SupplierForm {

	@NotBlank(message = "{supplier.name.required}")
	@Size(max = 120, message = "{supplier.name.size}")
	private String name = "";

	@Size(max = 120, message = "{supplier.contact.size}")
	private String contact;

	@Size(max = 40, message = "{supplier.phone.size}")
	@Pattern(regexp = "[0-9+()\\- ]*", message = "{supplier.phone.format}")
	private String phone;

	@Size(max = 254, message = "{supplier.email.size}")
	@Email(message = "{supplier.email.format}")
	private String email;

	@NotNull(message = "{supplier.leadTime.required}")
	@Min(value = 0, message = "{supplier.leadTime.range}")
	@Max(value = 365, message = "{supplier.leadTime.range}")
	private Integer leadTimeDays = 7;

	@Size(max = 500, message = "{supplier.note.size}")
	private String note;

	private boolean active = true;

	private long version;

	static SupplierForm of(Supplier supplier) {
		SupplierForm form = new SupplierForm();
		form.setName(supplier.name());
		form.setContact(supplier.contact());
		form.setPhone(supplier.phone());
		form.setEmail(supplier.email());
		form.setLeadTimeDays(supplier.leadTimeDays());
		form.setNote(supplier.note());
		form.setActive(supplier.active());
		form.setVersion(supplier.version());
		return form;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = (name != null) ? name.strip() : "";
	}

	public String getContact() {
		return this.contact;
	}

	public void setContact(String contact) {
		this.contact = blankToNull(contact);
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = blankToNull(phone);
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = blankToNull(email);
	}

	public Integer getLeadTimeDays() {
		return this.leadTimeDays;
	}

	public void setLeadTimeDays(Integer leadTimeDays) {
		this.leadTimeDays = leadTimeDays;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = blankToNull(note);
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	/**
	 * A short summary for the audit log.
	 */
	String summary() {
		return this.name + ", lead time " + this.leadTimeDays + " d" + (this.active ? "" : ", inactive");
	}

	private static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value.strip() : null;
	}

}
