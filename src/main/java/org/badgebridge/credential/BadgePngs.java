package org.badgebridge.credential;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;

import org.badgebridge.badge.BadgeImages;

/** The PNG to bake a credential into: the badge's own PNG, else a plain medal. */
@Component
public class BadgePngs {

	private final BadgeImages images;

	private volatile byte[] medal;

	public BadgePngs(BadgeImages images) {
		this.images = images;
	}

	public byte[] forBadge(String badgeId) {
		return images.find(badgeId).filter(i -> i.contentType().equals("image/png")).map(BadgeImages.Image::bytes)
				.orElseGet(this::medal);
	}

	public byte[] medal() {
		byte[] image = medal;
		if (image == null) {
			BufferedImage png = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
			Graphics2D g = png.createGraphics();
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setColor(new Color(0xD9, 0x9A, 0x00));
			g.fillOval(16, 16, 224, 224);
			g.setColor(new Color(0xFF, 0xD7, 0x6A));
			g.setStroke(new BasicStroke(10));
			g.drawOval(36, 36, 184, 184);
			g.dispose();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try {
				ImageIO.write(png, "png", out);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			image = out.toByteArray();
			medal = image;
		}
		return image;
	}
}
