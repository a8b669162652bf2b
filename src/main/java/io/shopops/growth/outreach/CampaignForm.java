package io.shopops.growth.outreach;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The outreach campaign form: name, template, saved segment and an optional coupon.
 */
class CampaignForm {

	@NotBlank(message = "{outreach.campaign.name.required}")
	@Size(max = 120, message = "{outreach.campaign.name.size}")
	private String name;

	@NotNull(message = "{outreach.campaign.template.required}")
	private Long templateId;

	@NotNull(message = "{outreach.campaign.segment.required}")
	private Long segmentId;

	private Long couponId;

	private long version;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Long getTemplateId() {
		return this.templateId;
	}

	public void setTemplateId(Long templateId) {
		this.templateId = templateId;
	}

	public Long getSegmentId() {
		return this.segmentId;
	}

	public void setSegmentId(Long segmentId) {
		this.segmentId = segmentId;
	}

	public Long getCouponId() {
		return this.couponId;
	}

	public void setCouponId(Long couponId) {
		this.couponId = couponId;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
