package io.shopops.fulfilment.inventory;

/**
 * A supplier the shop buys from.
 *
 * @param id the id
 * @param name the name, unique
 * @param contact the contact person, may be {@code null}
 * @param phone the phone number, may be {@code null}
 * @param email the email address, may be {@code null}
 * @param leadTimeDays the days an order takes to arrive
 * @param note a free note, may be {@code null}
 * @param active whether new purchase orders may name the supplier
 * @param version the optimistic lock version
 */
record Supplier(long id, String name, String contact, String phone, String email, int leadTimeDays, String note,
		boolean active, long version) {

}
