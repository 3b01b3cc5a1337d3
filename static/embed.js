/* SPDX-License-Identifier: EUPL-1.2 */
/* Buone pratiche: resizes iframes marked data-buone-pratiche to the height their page reports. */
addEventListener("message", function (e) {
  var d = e.data;
  if (!d || d.type !== "buone-pratiche:height" || typeof d.height !== "number") return;
  var frames = document.querySelectorAll("iframe[data-buone-pratiche]");
  for (var i = 0; i < frames.length; i++) {
    var f = frames[i];
    if (f.contentWindow === e.source && new URL(f.src, location.href).origin === e.origin) {
      f.style.height = Math.ceil(d.height) + "px";
    }
  }
});
