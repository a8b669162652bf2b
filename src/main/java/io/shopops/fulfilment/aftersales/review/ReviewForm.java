package io.shopops.fulfilment.aftersales.review;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * A review entered by an operator, e.g. one a customer sent by message. The SKU must be
 * in the catalog; an order number needs its channel.
 */
class ReviewForm {

	@Size(max = 32, message = "{reviews.form.channel.size}")
	private String channel;

	@NotBlank(message = "{reviews.form.sku.required}")
	@Size(max = 64, message = "{reviews.form.sku.size}")
	private String sku;

	@Size(max = 64, message = "{reviews.form.orderNumber.size}")
	private String orderNumber;

	@NotNull(message = "{reviews.form.rating.required}")
	@Min(value = 1, message = "{reviews.form.rating.range}")
	@Max(value = 5, message = "{reviews.form.rating.range}")
	private Integer rating;

	@Size(max = 200, message = "{reviews.form.title.size}")
	private String title;

	@NotBlank(message = "{reviews.form.body.required}")
	@Size(max = 5000, message = "{reviews.form.body.size}")
	private String body;

	@Size(max = 120, message = "{reviews.form.author.size}")
	private String author;

	@NotNull(message = "{reviews.form.reviewedOn.required}")
	@PastOrPresent(message = "{reviews.form.reviewedOn.future}")
	private LocalDate reviewedOn = LocalDate.now();

	public String getChannel() {
		return this.channel;
	}

	public void setChannel(String channel) {
		this.channel = channel;
	}

	public String getSku() {
		return this.sku;
	}

	public void setSku(String sku) {
		this.sku = sku;
	}

	public String getOrderNumber() {
		return this.orderNumber;
	}

	public void setOrderNumber(String orderNumber) {
		this.orderNumber = orderNumber;
	}

	public Integer getRating() {
		return this.rating;
	}

	public void setRating(Integer rating) {
		this.rating = rating;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public String getAuthor() {
		return this.author;
	}

	public void setAuthor(String author) {
		this.author = author;
	}

	public LocalDate getReviewedOn() {
		return this.reviewedOn;
	}

	public void setReviewedOn(LocalDate reviewedOn) {
		this.reviewedOn = reviewedOn;
	}

}
