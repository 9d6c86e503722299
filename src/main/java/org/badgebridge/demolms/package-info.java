/**
 * A small but genuine LTI 1.3 platform inside the app for trying the tool: its own keys, OIDC
 * authorization and token endpoints, Dynamic Registration, Deep Linking, AGS and NRPS over its own
 * tables, a sample course and a gradebook. It talks to the tool only over HTTP, like a real LMS;
 * no other module depends on it. Off with {@code badgebridge.demo.enabled=false}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo LMS",
		allowedDependencies = {  })
package org.badgebridge.demolms;
