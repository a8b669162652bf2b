package io.shopops.fulfilment.inventory;

/**
 * Why an operator corrects stock by hand; {@link #OTHER} needs a note.
 */
enum AdjustmentReason {

	COUNT_CORRECTION, DAMAGED, LOST, FOUND, EXPIRED, OTHER

}
