package io.shopops.fulfilment.catalog;

/**
 * Another request took the brand name or category path between the check and the save,
 * such as a double-submitted form: the unique index refused the second.
 */
class NameTakenException extends RuntimeException {

	NameTakenException() {
		super("Name taken");
	}

}
