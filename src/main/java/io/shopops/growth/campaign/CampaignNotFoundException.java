package io.shopops.growth.campaign;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No campaign has the id asked for.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class CampaignNotFoundException extends RuntimeException {

	CampaignNotFoundException(long id) {
		super("campaign " + id);
	}

}
