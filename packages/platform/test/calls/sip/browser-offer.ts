/** A browser's SDP offer for the edge's tests, where a console softphone answers a call. */

/** An offer as Chromium makes it: ICE, DTLS-SRTP, rtcp-mux, Opus before G.711, its own SSRC. */
export function browserOffer(): string {
  const fingerprint = Array.from({ length: 32 }, (_, i) =>
    (i * 7 + 16).toString(16).padStart(2, '0').toUpperCase(),
  ).join(':');
  return [
    'v=0',
    'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    'a=msid-semantic: WMS',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111 0 8 126',
    'c=IN IP4 0.0.0.0',
    'a=rtcp:9 IN IP4 0.0.0.0',
    'a=candidate:1 1 udp 2122260223 127.0.0.1 47000 typ host generation 0',
    'a=ice-ufrag:Xq4b',
    'a=ice-pwd:2KfsTYnn0eY5v7k6Y1hJ3mQw',
    'a=ice-options:trickle',
    `a=fingerprint:sha-256 ${fingerprint}`,
    'a=setup:actpass',
    'a=mid:0',
    'a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid',
    'a=sendrecv',
    'a=msid:6d7de728 dde232d4',
    'a=rtcp-mux',
    'a=rtpmap:111 opus/48000/2',
    'a=fmtp:111 minptime=10;useinbandfec=1',
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:8 PCMA/8000',
    'a=rtpmap:126 telephone-event/8000',
    'a=ssrc:12155436 cname:OUwM6R3/9NslXTLu',
    'a=ssrc:12155436 msid:6d7de728 dde232d4',
    '',
  ].join('\r\n');
}
