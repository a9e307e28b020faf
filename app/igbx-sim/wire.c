/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * wire.c - what is at the other end of each port's cable: the paired port,
 * a Linux TAP interface, pcap files, or nothing; cable plugging, link state
 * and the capture ring that tests read frames back from.
 */
#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <linux/if_tun.h>

#include "platform.h"

#define PCAP_MAGIC	0xa1b2c3d4u
#define PCAP_LINKTYPE_ETHERNET 1

struct pcap_rec_hdr {
	uint32_t ts_sec, ts_usec, caplen, len;
};

struct captured_frame {
	uint32_t len;
	uint8_t *data;
};

/* Process-local wire state of one port (only the primary uses it). */
struct wire_state {
	bool plugged;
	bool capturing;
	pthread_mutex_t cap_lock;
	struct captured_frame ring[SIM_CAPTURE_MAX];
	unsigned int cap_head, cap_count;
	FILE *pcap_in_file;
	bool pcap_in_done;
	bool peer_locked;	/* this TX poll holds the pair peer's lock */
};

static struct wire_state wires[SIM_MAX_PORTS];

/* the shortest frame a MAC puts on the wire, FCS not included */
#define WIRE_MIN_LEN	60

/* ---- opening ---------------------------------------------------------- */

static int tap_open(struct sim_port *p)
{
	struct ifreq ifr;
	int fd, s;

	fd = sim_real_open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC, 0);
	if (fd < 0) {
		sim_log("port %u: /dev/net/tun: %s", p->id, strerror(errno));
		return -1;
	}
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	snprintf(ifr.ifr_name, IFNAMSIZ, sim_cfg.tap_name, p->id);
#pragma GCC diagnostic pop
	if (ioctl(fd, TUNSETIFF, &ifr) != 0) {
		sim_log("port %u: TUNSETIFF %s: %s", p->id, ifr.ifr_name,
			strerror(errno));
		close(fd);
		return -1;
	}
	s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s >= 0 && ioctl(s, SIOCGIFFLAGS, &ifr) == 0) {
		ifr.ifr_flags |= IFF_UP;
		if (ioctl(s, SIOCSIFFLAGS, &ifr) != 0)
			sim_log("port %u: cannot bring %s up", p->id, ifr.ifr_name);
	}
	if (s >= 0)
		close(s);
	return fd;
}

static void *pcap_out_open(const char *path)
{
	struct {
		uint32_t magic;
		uint16_t major, minor;
		int32_t zone;
		uint32_t sigfigs, snaplen, linktype;
	} hdr = { PCAP_MAGIC, 2, 4, 0, 0, SIM_MAX_FRAME, PCAP_LINKTYPE_ETHERNET };
	/* appended to: a later primary of the same run (a second application
	 * started by the same command) continues the capture
	 */
	FILE *f = fopen(path, "ae");

	if (f && ftell(f) == 0 && fwrite(&hdr, sizeof(hdr), 1, f) != 1) {
		fclose(f);
		f = NULL;
	}
	if (!f)
		sim_log("pcap %s: %s", path, strerror(errno));
	return f;
}

static FILE *pcap_in_open(const char *path)
{
	uint32_t hdr[6];
	FILE *f = fopen(path, "re");

	if (!f) {
		sim_log("pcap %s: %s", path, strerror(errno));
		return NULL;
	}
	if (fread(hdr, sizeof(hdr), 1, f) != 1 || hdr[0] != PCAP_MAGIC) {
		sim_log("pcap %s: not a little-endian microsecond pcap file", path);
		fclose(f);
		return NULL;
	}
	return f;
}

void sim_wire_open(struct sim_port *p)
{
	struct wire_state *w = &wires[p->id];

	pthread_mutex_init(&w->cap_lock, NULL);
	if (p->wire == SIM_WIRE_TAP)
		p->tap_fd = tap_open(p);
	if (p->wire != SIM_WIRE_PCAP)
		return;
	if (sim_cfg.pcap_out[p->id][0])
		p->pcap_out = pcap_out_open(sim_cfg.pcap_out[p->id]);
	if (sim_cfg.pcap_in[p->id][0])
		w->pcap_in_file = p->pcap_in = pcap_in_open(sim_cfg.pcap_in[p->id]);
}

/* ---- link ------------------------------------------------------------- */

static bool wire_link_up(struct sim_port *p)
{
	if (!wires[p->id].plugged)
		return false;
	if (p->wire == SIM_WIRE_PAIR)
		return p->peer && wires[p->peer->id].plugged;
	return p->wire != SIM_WIRE_TAP || p->tap_fd >= 0;
}

static void wire_update_link(struct sim_port *p)
{
	sim_port_lock(p);
	sim_link_set(p, wire_link_up(p));
	sim_port_unlock(p);
}

/* Plugging one end of a pair changes what both ends see. */
void sim_wire_plug(struct sim_port *p, bool plugged)
{
	wires[p->id].plugged = plugged;
	wire_update_link(p);
	if (p->wire == SIM_WIRE_PAIR && p->peer)
		wire_update_link(p->peer);
}

/* ---- transmit ------------------------------------------------------------ */

static void capture_frame(struct wire_state *w, const uint8_t *frame,
			  uint32_t len)
{
	struct captured_frame *c;
	uint8_t *copy = malloc(len);

	if (!copy)
		return;
	memcpy(copy, frame, len);
	pthread_mutex_lock(&w->cap_lock);
	if (w->cap_count == SIM_CAPTURE_MAX) {	/* full: drop the oldest */
		free(w->ring[w->cap_head].data);
		w->cap_head = (w->cap_head + 1) % SIM_CAPTURE_MAX;
		w->cap_count--;
	}
	c = &w->ring[(w->cap_head + w->cap_count) % SIM_CAPTURE_MAX];
	c->data = copy;
	c->len = len;
	w->cap_count++;
	pthread_mutex_unlock(&w->cap_lock);
}

static void pcap_write(FILE *f, const uint8_t *frame, uint32_t len)
{
	struct pcap_rec_hdr h;
	struct timeval tv;

	gettimeofday(&tv, NULL);
	h.ts_sec = tv.tv_sec;
	h.ts_usec = tv.tv_usec;
	h.caplen = h.len = len;
	if (fwrite(&h, sizeof(h), 1, f) != 1 || fwrite(frame, len, 1, f) != 1)
		sim_log("pcap write failed");
	fflush(f);
}

void sim_wire_deliver(struct sim_port *p, const uint8_t *frame, uint32_t len,
		      bool crc_ok)
{
	atomic_fetch_add_explicit(&p->wire_rx_frames, 1, memory_order_relaxed);
	sim_rx_frame(p, frame, len, crc_ok);
}

/* Called by the TX engine with p's lock held. The peer's lock is taken at
 * the first frame and kept until sim_wire_flush() ends the TX poll: one lock
 * round trip per poll, not per frame. Only the device thread ever holds two
 * port locks (trap handlers and the control thread take one at a time), so
 * no cycle exists.
 */
void sim_wire_send(struct sim_port *p, const uint8_t *frame, uint32_t len)
{
	struct wire_state *w = &wires[p->id];
	struct sim_port *peer = p->peer;

	atomic_fetch_add_explicit(&p->wire_tx_frames, 1, memory_order_relaxed);
	if (w->capturing)
		capture_frame(w, frame, len);
	if (!w->plugged)
		return;
	switch (p->wire) {
	case SIM_WIRE_PAIR:
		if (!peer || !wires[peer->id].plugged)
			return;
		if (!w->peer_locked) {
			sim_port_lock(peer);
			w->peer_locked = true;
		}
		sim_wire_deliver(peer, frame, len, true);
		break;
	case SIM_WIRE_TAP:
		if (p->tap_fd >= 0 && write(p->tap_fd, frame, len) < 0)
			sim_debug_log("port %u: tap write: %s", p->id,
				      strerror(errno));
		break;
	case SIM_WIRE_PCAP:
		if (p->pcap_out)
			pcap_write(p->pcap_out, frame, len);
		break;
	case SIM_WIRE_NONE:
		break;
	}
}

/* The TX poll of p is over: let the pair peer's lock go. */
void sim_wire_flush(struct sim_port *p)
{
	struct wire_state *w = &wires[p->id];

	if (w->peer_locked) {
		w->peer_locked = false;
		sim_port_unlock(p->peer);
	}
}

/* ---- receive (device thread) --------------------------------------------- */

static unsigned int tap_poll(struct sim_port *p)
{
	static uint8_t buf[SIM_MAX_FRAME];	/* device thread only */
	unsigned int n = 0;
	ssize_t len;

	while (n < 32 && (len = read(p->tap_fd, buf, sizeof(buf))) > 0) {
		if (!wires[p->id].plugged)
			continue;
		/* The TAP hands over frames as the host built them; the
		 * link partner's MAC pads a short one to the 64-byte minimum
		 * (IEEE 802.3 4.2.3.3) before it reaches the wire.
		 */
		if (len < WIRE_MIN_LEN) {
			memset(buf + len, 0, WIRE_MIN_LEN - len);
			len = WIRE_MIN_LEN;
		}
		sim_port_lock(p);
		sim_wire_deliver(p, buf, len, true);
		sim_port_unlock(p);
		n++;
	}
	return n;
}

/* pcap input plays one frame at a time once the receiver is on and queue 0
 * has free descriptors, and only while the RX packet buffer has room, so no
 * frame is lost to the driver's start-up sequence.
 */
static bool pcap_receiver_ready(struct sim_port *p)
{
	const uint32_t rctl_en = 1u << 1;

	return p->sh->link_up && (sim_reg_peek(p, SIM_RCTL) & rctl_en) &&
	       p->sh->rxq[0].enabled &&
	       sim_reg_peek(p, SIM_RXQ_REG(0, SIM_Q_HEAD)) !=
	       sim_reg_peek(p, SIM_RXQ_REG(0, SIM_Q_TAIL)) &&
	       p->rxfifo_used <= SIM_RXFIFO_BYTES / 2;
}

static unsigned int pcap_poll(struct sim_port *p)
{
	static uint8_t buf[SIM_MAX_FRAME];	/* device thread only */
	struct wire_state *w = &wires[p->id];
	struct pcap_rec_hdr h;

	if (w->pcap_in_done || !w->plugged || !pcap_receiver_ready(p))
		return 0;
	if (fread(&h, sizeof(h), 1, w->pcap_in_file) != 1 ||
	    h.caplen > sizeof(buf) ||
	    fread(buf, h.caplen, 1, w->pcap_in_file) != 1) {
		w->pcap_in_done = true;
		return 0;
	}
	sim_port_lock(p);
	sim_wire_deliver(p, buf, h.caplen, true);
	sim_port_unlock(p);
	return 1;
}

unsigned int sim_wire_poll(struct sim_port *p)
{
	if (p->tap_fd >= 0)
		return tap_poll(p);
	if (wires[p->id].pcap_in_file)
		return pcap_poll(p);
	return 0;
}

/* ---- capture ------------------------------------------------------------- */

void sim_wire_capture(struct sim_port *p, bool on)
{
	wires[p->id].capturing = on;
}

void sim_wire_drain_capture(struct sim_port *p,
			    void (*fn)(void *arg, const uint8_t *f, uint32_t len),
			    void *arg)
{
	struct wire_state *w = &wires[p->id];
	struct captured_frame c;
	unsigned int n;

	/* only what was there when asked: traffic may keep coming */
	pthread_mutex_lock(&w->cap_lock);
	n = w->cap_count;
	pthread_mutex_unlock(&w->cap_lock);
	while (n--) {
		pthread_mutex_lock(&w->cap_lock);
		if (!w->cap_count) {
			pthread_mutex_unlock(&w->cap_lock);
			return;
		}
		c = w->ring[w->cap_head];
		w->cap_head = (w->cap_head + 1) % SIM_CAPTURE_MAX;
		w->cap_count--;
		pthread_mutex_unlock(&w->cap_lock);
		fn(arg, c.data, c.len);
		free(c.data);
	}
}
