package org.fupin.webui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** The built scripts and styles (content-hashed names) under {@code /assets}, from the bundle's {@code webui/assets}. */
@Component(service = Assets.class)
@HttpWhiteboardResource(pattern = "/assets/*", prefix = "/webui/assets")
public class Assets {
}
