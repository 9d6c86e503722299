package org.badgebridge.demolms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.badgebridge.demolms.DemoServiceRequests.Refused;

import static org.badgebridge.demolms.DemoServiceRequests.accept;
import static org.badgebridge.demolms.DemoServiceRequests.contentType;
import static org.badgebridge.demolms.DemoServiceRequests.curlyNext;
import static org.badgebridge.demolms.DemoServiceRequests.page;
import static org.badgebridge.demolms.DemoServiceRequests.parse;
import static org.badgebridge.demolms.DemoServiceRequests.string;

/**
 * AGS 2.0 line items of the demo platform (list, create, read, update, delete), with Moodle's particulars:
 * exact media types (400 otherwise), {@code ?type_id=} in every URL, a curly-quoted {@code rel="next"} on the
 * list, only the tool's own columns visible, and a link's own column not deletable. Token, media type and
 * paging checks are {@link DemoServiceRequests}'s; results and scores are {@link DemoGradesController}'s,
 * NRPS is {@link DemoMembershipsController}'s.
 */
@ConditionalOnDemo
@RestController
@RequestMapping("/demolms/services")
class DemoServicesController {

	static final String LINEITEM_CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";

	static final String LINEITEM = "application/vnd.ims.lis.v2.lineitem+json";

	private final DemoSettings settings;

	private final DemoStore store;

	private final DemoServiceRequests requests;

	DemoServicesController(DemoSettings settings, DemoStore store, DemoServiceRequests requests) {
		this.settings = settings;
		this.store = store;
		this.requests = requests;
	}

	@GetMapping("/{course}/lineitems")
	ResponseEntity<String> lineItems(@PathVariable long course, @RequestParam(name = "type_id") String typeId,
			@RequestParam(name = "resource_link_id", required = false) String resourceLinkId,
			@RequestParam(name = "resource_id", required = false) String resourceId,
			@RequestParam(name = "tag", required = false) String tag,
			@RequestParam(name = "limit", required = false) Integer limit,
			@RequestParam(name = "from", required = false, defaultValue = "0") int from, HttpServletRequest request) {
		String client = requests.authorize(request, typeId, Set.of(DemoOidcController.AGS_LINEITEM, DemoOidcController.AGS_LINEITEM_READ));
		accept(request, LINEITEM_CONTAINER);
		List<Map<String, Object>> all = new ArrayList<>();
		for (DemoStore.LineItem li : store.lineItemsOf(client)) {
			if ((resourceLinkId == null || resourceLinkId.equals(String.valueOf(li.linkId())))
					&& (resourceId == null || resourceId.equals(li.resourceId())) && (tag == null || tag.equals(li.tag()))) {
				all.add(json(li, client));
			}
		}
		return page(all, limit, from, LINEITEM_CONTAINER,
				end -> curlyNext(settings.lineItems(course, client) + "&limit=" + limit + "&from=" + end), JSONArrayUtils::toJSONString);
	}

	@PostMapping("/{course}/lineitems")
	ResponseEntity<String> createLineItem(@PathVariable long course, @RequestParam(name = "type_id") String typeId,
			@RequestBody(required = false) String body, HttpServletRequest request) {
		String client = requests.authorize(request, typeId, Set.of(DemoOidcController.AGS_LINEITEM));
		contentType(request, LINEITEM);
		Map<String, Object> item = parse(body);
		String label = item.get("label") instanceof String s && !s.isBlank() ? s : null;
		if (label == null || !(item.get("scoreMaximum") instanceof Number max) || max.doubleValue() <= 0) {
			throw new Refused(400, "label and a positive numeric scoreMaximum are required");
		}
		Long linkId = null;
		if (item.get("resourceLinkId") != null) {
			try {
				linkId = Long.parseLong(item.get("resourceLinkId").toString());
			}
			catch (NumberFormatException ex) {
				throw new Refused(403, "resourceLinkId is not a link of this tool");
			}
			Long id = linkId;
			if (store.link(id).filter(l -> client.equals(l.clientId())).isEmpty()) {
				throw new Refused(403, "resourceLinkId is not a link of this tool");
			}
		}
		long id = store.addLineItem(client, linkId, label, max.doubleValue(), string(item.get("resourceId")),
				string(item.get("tag")));
		return ResponseEntity.status(201).header("Content-Type", LINEITEM)
				.body(JSONObjectUtils.toJSONString(json(store.lineItem(id).orElseThrow(), client)));
	}

	@GetMapping("/{course}/lineitems/{item}/lineitem")
	ResponseEntity<String> lineItem(@PathVariable long course, @PathVariable long item,
			@RequestParam(name = "type_id") String typeId, HttpServletRequest request) {
		String client = requests.authorize(request, typeId, Set.of(DemoOidcController.AGS_LINEITEM, DemoOidcController.AGS_LINEITEM_READ));
		accept(request, LINEITEM);
		return ResponseEntity.ok().header("Content-Type", LINEITEM)
				.body(JSONObjectUtils.toJSONString(json(requests.ownLineItem(item, client), client)));
	}

	@PutMapping("/{course}/lineitems/{item}/lineitem")
	ResponseEntity<String> updateLineItem(@PathVariable long course, @PathVariable long item,
			@RequestParam(name = "type_id") String typeId, @RequestBody(required = false) String body,
			HttpServletRequest request) {
		String client = requests.authorize(request, typeId, Set.of(DemoOidcController.AGS_LINEITEM));
		contentType(request, LINEITEM);
		DemoStore.LineItem existing = requests.ownLineItem(item, client);
		Map<String, Object> values = parse(body);
		if (!(values.get("label") instanceof String label) || !(values.get("scoreMaximum") instanceof Number max)) {
			throw new Refused(400, "label and scoreMaximum are required");
		}
		store.updateLineItem(item, label, max.doubleValue(), values.containsKey("resourceId") ? string(values.get("resourceId"))
				: existing.resourceId(), values.containsKey("tag") ? string(values.get("tag")) : existing.tag());
		return ResponseEntity.ok().header("Content-Type", LINEITEM)
				.body(JSONObjectUtils.toJSONString(json(requests.ownLineItem(item, client), client)));
	}

	@DeleteMapping("/{course}/lineitems/{item}/lineitem")
	ResponseEntity<Void> deleteLineItem(@PathVariable long course, @PathVariable long item,
			@RequestParam(name = "type_id") String typeId, HttpServletRequest request) {
		String client = requests.authorize(request, typeId, Set.of(DemoOidcController.AGS_LINEITEM));
		DemoStore.LineItem li = requests.ownLineItem(item, client);
		if (li.linkId() != null) {
			throw new Refused(403, "a link's own column cannot be deleted");
		}
		store.deleteLineItem(item);
		return ResponseEntity.noContent().build();
	}

	private Map<String, Object> json(DemoStore.LineItem li, String client) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", settings.lineItem(li.courseId(), li.id(), client));
		m.put("label", li.label());
		m.put("scoreMaximum", li.scoreMaximum());
		if (li.resourceId() != null) {
			m.put("resourceId", li.resourceId());
		}
		if (li.tag() != null) {
			m.put("tag", li.tag());
		}
		if (li.linkId() != null) {
			m.put("resourceLinkId", String.valueOf(li.linkId()));
			m.put("ltiLinkId", String.valueOf(li.linkId()));
		}
		return m;
	}
}
